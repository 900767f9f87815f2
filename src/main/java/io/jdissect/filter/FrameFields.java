package io.jdissect.filter;

import io.jdissect.api.FieldDef;
import io.jdissect.api.Packet;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The occurrences of the fields a filter reads in one packet, collected in one walk over the
 * tree on first use. Each occurrence knows its protocol layer for the {@code #n} operator: the
 * n-th top-level item of that protocol in the packet (Wireshark's proto_layer_num).
 */
final class FrameFields {
    /** One occurrence of a field and the layer of its protocol. */
    record Occurrence(TreeItem item, int layer) {
    }

    private final Packet packet;
    private final String[] wanted;
    /** Occurrences by the index of their abbreviation in {@link #wanted}; null until collected. */
    private List<Occurrence>[] byWanted;

    /** {@code wanted}: the abbreviations the filter reads ({@link #wanted(Set)}), shared by every packet. */
    FrameFields(Packet packet, String[] wanted) {
        this.packet = packet;
        this.wanted = wanted;
    }

    /** The filter's fields as an array: a filter reads a handful, so a scan beats a hash lookup per tree item. */
    static String[] wanted(Set<String> abbrevs) {
        return abbrevs.toArray(new String[0]);
    }

    /** Every occurrence of the field with this abbreviation, in tree order (empty if absent). */
    List<Occurrence> get(String abbrev) {
        if (byWanted == null) {
            collect();
        }
        int i = indexOf(abbrev);
        return i < 0 || byWanted[i] == null ? List.of() : byWanted[i];
    }

    @SuppressWarnings("unchecked")
    private void collect() {
        byWanted = new List[wanted.length];
        TreeItem root = packet.tree();
        for (int t = 0; t < root.childCount(); t++) {
            TreeItem top = root.child(t);
            int w = top.def() == null ? -1 : indexOf(top.def().abbrev());
            if (w >= 0) {
                add(w, top, root, t);
            }
            walk(top, root, t);
        }
    }

    /** Depth-first, in tree order; a plain loop: this runs over every item of every filtered packet. */
    private void walk(TreeItem item, TreeItem root, int top) {
        for (int i = 0, n = item.childCount(); i < n; i++) {
            TreeItem c = item.child(i);
            FieldDef def = c.def();
            int w = def == null ? -1 : indexOf(def.abbrev());
            if (w >= 0) {
                add(w, c, root, top);
            }
            if (c.hasChildren()) {
                walk(c, root, top);
            }
        }
    }

    /**
     * Records an occurrence under the top-level item {@code root.child(top)}; its layer is the number of
     * top-level items of its protocol up to that one (at least 1).
     */
    private void add(int w, TreeItem item, TreeItem root, int top) {
        ProtocolDef protocol = item.def().protocol();
        int layer = 0;
        for (int t = 0; t <= top; t++) {
            FieldDef d = root.child(t).def();
            if (d != null && d.protocol() == protocol) {
                layer++;
            }
        }
        if (byWanted[w] == null) {
            byWanted[w] = new ArrayList<>(2);
        }
        byWanted[w].add(new Occurrence(item, Math.max(1, layer)));
    }

    /** Where {@code abbrev} is in {@link #wanted}, or -1. */
    private int indexOf(String abbrev) {
        // Field names are mostly the same String objects (literals); the cached hash rules out the others.
        for (int i = 0; i < wanted.length; i++) {
            String w = wanted[i];
            if (w == abbrev || (w.hashCode() == abbrev.hashCode() && w.equals(abbrev))) {
                return i;
            }
        }
        return -1;
    }
}
