package io.jdissect.api;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Heuristic dissectors of one parent (Wireshark's heur_dissector_list, e.g. "tcp"): each looks at
 * the bytes cheaply, never throws on foreign data, and returns 0 when the data is not its protocol.
 */
public final class HeuristicTable {
    private final String name;
    private final List<DissectorHandle> entries = new CopyOnWriteArrayList<>();

    HeuristicTable(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void add(DissectorHandle handle) {
        entries.add(handle);
    }

    /** Puts {@code replacement} where {@code handle} was, keeping the order; no-op if absent. */
    public void replace(DissectorHandle handle, DissectorHandle replacement) {
        int i = entries.indexOf(handle);
        if (i >= 0) {
            entries.set(i, replacement);
        }
    }

    /**
     * The entries in registration order, read-only. An iteration sees them as they were when it
     * began, whatever is added or replaced meanwhile. Asked for every payload no port claims, so
     * this is a view rather than a copy.
     */
    public List<DissectorHandle> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Whether no heuristic dissector is registered here. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Tries each heuristic in registration order; returns the bytes the first taker took, or 0. */
    public int tryDissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        for (DissectorHandle h : entries) {
            int n = pinfo.call(h, tvb, tree);
            if (n > 0) {
                return n;
            }
        }
        return 0;
    }
}
