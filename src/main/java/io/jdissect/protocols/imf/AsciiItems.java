package io.jdissect.protocols.imf;

import io.jdissect.api.BoundsException;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Adds string items as Wireshark's {@code proto_tree_add_item(…, ENC_ASCII)} does, lengths and
 * all: a length of -1 means "to the end of the data", a smaller negative one is a malformed
 * packet (thrown as {@link BoundsException}); bytes >= 0x80 become U+FFFD.
 */
public final class AsciiItems {
    private AsciiItems() {
    }

    public static TreeItem add(TreeItem parent, FieldDef def, Tvb tvb, int offset, int length) {
        int len = length(tvb, offset, length);
        if (def.type() == FieldType.FT_NONE) {
            return parent.add(def, tvb, offset, len);
        }
        return parent.add(def, tvb, offset, len, tvb.ascii(offset, len));
    }

    /** The real length of a Wireshark length argument. */
    public static int length(Tvb tvb, int offset, int length) {
        if (length == -1) {
            return tvb.reportedLength() - offset;
        }
        if (length < -1) {
            throw BoundsException.malformed(offset, length, tvb.reportedLength());
        }
        return length;
    }
}
