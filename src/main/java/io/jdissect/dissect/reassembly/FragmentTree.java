package io.jdissect.dissect.reassembly;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Shows a reassembled message as Wireshark's show_fragment_tree does:
 * <pre>
 * [3 IPv4 Fragments (1800 bytes): #1(800), #4(800), #2(200)]
 *     [Frame: 1, payload: 0-799 (800 bytes)]
 *     …
 *     [Fragment count: 3]
 *     [Reassembled IPv4 length: 1800]
 *     [Reassembled IPv4 data: …]
 * </pre>
 * Each protocol brings its own fields ({@code ip.fragments}, {@code tcp.segments}, …) and the
 * label of the summary line ("IPv4 Fragments", "Reassembled TCP Segments").
 */
public final class FragmentTree {
    /**
     * The fields of one protocol's fragment tree. {@code fragments} is the summary item (FT_NONE,
     * or FT_BYTES holding the reassembled bytes as IPv4's does); the rest are its children.
     */
    public record Fields(FieldDef fragments, FieldDef fragment, FieldDef count, FieldDef reassembledLength,
                         FieldDef reassembledData, String label) {
    }

    private FragmentTree() {
    }

    /** Adds the tree under {@code parent}; {@code reassembled} is the new data source of the message. */
    public static TreeItem add(TreeItem parent, Fields fields, Reassembled message, Tvb reassembled) {
        int total = message.data().length;
        String head = message.fragments().size() + " " + fields.label() + " (" + total + " byte" + (total == 1 ? "" : "s")
                + "): ";
        // The frames are appended text (show_fragment): a long list is cut, not marked as truncated.
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < message.fragments().size(); i++) {
            Fragment f = message.fragments().get(i);
            list.append(i == 0 ? "" : ", ").append('#').append(f.frame()).append('(').append(f.length()).append(')');
        }
        TreeItem top = fields.fragments().type() == FieldType.FT_BYTES
                ? parent.add(fields.fragments(), reassembled, 0, total, message.data())
                : parent.add(fields.fragments(), reassembled, 0, total);
        top.setText(head).appendText(list.toString()).generated();
        for (Fragment f : message.fragments()) {
            top.add(fields.fragment(), reassembled, f.offset(), f.length(), f.frame())
                    .setText("Frame: " + f.frame() + ", payload: " + f.offset() + "-" + (f.offset() + f.length() - 1)
                            + " (" + f.length() + " byte" + (f.length() == 1 ? "" : "s") + ")")
                    .generated();
        }
        top.add(fields.count(), reassembled, 0, 0, message.fragments().size()).generated();
        top.add(fields.reassembledLength(), reassembled, 0, 0, total).generated();
        top.add(fields.reassembledData(), reassembled, 0, total, message.data()).generated();
        return top;
    }
}
