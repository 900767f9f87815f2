package io.jdissect.api;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table from a key (an ethertype, an IP protocol number, a TCP port, a link type, or a string
 * such as a media type) to the dissector registered for it. Decode-As entries ({@code -d}) take
 * precedence over registered ones without replacing them.
 */
public final class DissectorTable {
    private final String name;
    private final String uiName;
    private final boolean stringKeyed;
    private final Map<Object, DissectorHandle> entries = new ConcurrentHashMap<>();
    private final Map<Object, DissectorHandle> decodeAs = new ConcurrentHashMap<>();
    /** Most runs have no Decode-As rule: then a look-up is one map probe, not two. */
    private volatile boolean hasDecodeAs;
    /** The numeric entries for look-ups per packet; null after a change, until the next look-up. */
    private volatile HandlesByNumber byNumber;

    DissectorTable(String name, String uiName, boolean stringKeyed) {
        this.name = name;
        this.uiName = uiName;
        this.stringKeyed = stringKeyed;
    }

    public String name() {
        return name;
    }

    public String uiName() {
        return uiName;
    }

    public boolean isStringKeyed() {
        return stringKeyed;
    }

    public synchronized void add(long key, DissectorHandle handle) {
        entries.put(key, handle);
        byNumber = null;
    }

    /** String tables match case-insensitively, as Wireshark's media_type table does. */
    public void add(String key, DissectorHandle handle) {
        entries.put(key.toLowerCase(java.util.Locale.ROOT), handle);
    }

    public synchronized void remove(long key) {
        entries.remove(key);
        byNumber = null;
    }

    /** A Decode-As rule: {@code key} is dissected with {@code handle} whatever else is registered. */
    public void decodeAs(long key, DissectorHandle handle) {
        decodeAs.put(key, handle);
        hasDecodeAs = true;
    }

    /** Whether a Decode-As rule covers {@code key} (Wireshark's dissector_is_uint_changed). */
    public boolean isDecodeAs(long key) {
        return decodeAs.containsKey(key);
    }

    public DissectorHandle get(long key) {
        DissectorHandle h = hasDecodeAs ? decodeAs.get(key) : null;
        if (h != null) {
            return h;
        }
        HandlesByNumber t = byNumber;
        return (t != null ? t : numericEntries()).get(key);
    }

    /** Builds the numeric look-up table; synchronized with add and remove, so it is never stale. */
    private synchronized HandlesByNumber numericEntries() {
        if (byNumber == null) {
            byNumber = HandlesByNumber.of(entries);
        }
        return byNumber;
    }

    public DissectorHandle get(String key) {
        return entries.get(key.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Hands {@code tvb} to the dissector for {@code key}; returns the bytes it took, or 0 when there
     * is none or it declined. Sets {@link PacketInfo#matchUint()} for the callee, as Wireshark does.
     */
    public int tryDissect(long key, Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        DissectorHandle h = get(key);
        if (h == null) {
            return 0;
        }
        long saved = pinfo.matchUint();
        pinfo.setMatchUint(key);
        try {
            return pinfo.call(h, tvb, tree);
        } finally {
            pinfo.setMatchUint(saved);
        }
    }

    public int tryDissect(String key, Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        DissectorHandle h = get(key);
        return h == null ? 0 : pinfo.call(h, tvb, tree);
    }

    /** The registered dissectors (without Decode-As), unordered: a view, for look-ups per packet. */
    public Collection<DissectorHandle> handles() {
        return Collections.unmodifiableCollection(entries.values());
    }

    /** Registered entries (without Decode-As), sorted by key, for {@code -G decodes}. */
    public Map<Object, DissectorHandle> entries() {
        return new TreeMap<>(entries);
    }
}
