package io.jdissect.api;

import io.jdissect.capture.CaptureRecord;

import java.util.List;

/**
 * One dissected packet: its record, summary columns, and tree of protocol layers and fields.
 * Read fields by Wireshark abbreviation: {@code packet.fields("smtp.req.command")} gives every
 * occurrence in tree order, each with its typed value and its bytes.
 */
public final class Packet {
    private final PacketInfo pinfo;
    private final TreeItem root;

    public Packet(PacketInfo pinfo, TreeItem root) {
        this.pinfo = pinfo;
        this.root = root;
    }

    public long number() {
        return pinfo.frameNumber();
    }

    public Timestamp timestamp() {
        return pinfo.absoluteTime();
    }

    public CaptureRecord record() {
        return pinfo.record();
    }

    public Columns columns() {
        return pinfo.columns();
    }

    /** Everything the dissectors shared for this packet (addresses, ports, layers). */
    public PacketInfo info() {
        return pinfo;
    }

    /** The invisible root; its children are the protocol layers, starting with {@code frame}. */
    public TreeItem tree() {
        return root;
    }

    /** The protocol layers of this packet, in order ({@code frame}, {@code eth}, {@code ip}, …). */
    public List<TreeItem> layers() {
        return root.children();
    }

    /** Every occurrence of a field or protocol, in tree order (empty if absent). */
    public List<TreeItem> fields(String abbrev) {
        return root.find(abbrev);
    }

    /** The first occurrence of a field, or null. */
    public TreeItem first(String abbrev) {
        List<TreeItem> all = fields(abbrev);
        return all.isEmpty() ? null : all.get(0);
    }

    public boolean has(String abbrev) {
        return first(abbrev) != null;
    }
}
