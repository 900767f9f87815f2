package io.jdissect.protocols.imf;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * The {@code SIO-Label} header (draft-zeilenga-email-seclabel) as tshark's dissect_imf_siolabel
 * reads it: {@code ;}-separated {@code name=value} parameters, {@code marking} also appended to
 * the header item, unknown ones flagged. tshark's decoding of {@code type=":ess"}/{@code ":x411"}
 * labels with the ESS and X.411 dissectors is not reproduced (jdissect has neither).
 */
final class ImfSioLabel {
    private final DissectorRegistry registry;
    private final ImfFields f;

    ImfSioLabel(DissectorRegistry registry, ImfFields fields) {
        this.registry = registry;
        this.f = fields;
    }

    void dissect(Tvb tvb, int offset, int length, TreeItem item) {
        int itemOffset = offset;
        int end;
        do {
            end = ImfAddressItems.find(tvb, itemOffset, length - (itemOffset - offset), ';');
            while (ImfAddressItems.isSpace(tvb.u8(itemOffset))) {
                itemOffset++;
            }
            int itemLength = end < 0 ? lineLength(tvb, itemOffset, length - (itemOffset - offset)) : end - itemOffset;
            int valueOffset = ImfAddressItems.find(tvb, itemOffset, length - (itemOffset - offset), '=') + 1;
            while (ImfAddressItems.isSpace(tvb.u8(valueOffset))) {
                valueOffset++;
            }
            int valueLength = itemLength - (valueOffset - itemOffset);
            while (ImfAddressItems.isSpace(tvb.u8(valueOffset + valueLength - 1))) {
                valueLength--;
            }
            if (startsWith(tvb, itemOffset, "marking")) {
                String marking = AsciiItems.add(item, f.siolabelMarking, tvb, valueOffset, valueLength).stringValue();
                item.appendText(": " + marking);
            } else if (startsWith(tvb, itemOffset, "fgcolor")) {
                AsciiItems.add(item, f.siolabelFgcolor, tvb, valueOffset, valueLength);
            } else if (startsWith(tvb, itemOffset, "bgcolor")) {
                AsciiItems.add(item, f.siolabelBgcolor, tvb, valueOffset, valueLength);
            } else if (startsWith(tvb, itemOffset, "type")) {
                AsciiItems.add(item, f.siolabelType, tvb, valueOffset, valueLength);
            } else if (startsWith(tvb, itemOffset, "label")) {
                if (tvb.u8(itemOffset + 5) == '*') {
                    // Continuations label*N: tshark shows the unquoted part as Label[N]: "…".
                    String label = tvb.ascii(valueOffset + 1, AsciiItems.length(tvb, valueOffset + 1, valueLength - 2));
                    String digits = tvb.ascii(itemOffset + 6, valueOffset - itemOffset + 6).replaceAll("^(\\d*).*$", "$1");
                    int num = digits.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(
                            digits.length() > 18 ? digits.substring(0, 18) : digits));
                    item.add(f.siolabelLabel, tvb, valueOffset, valueLength, label)
                            .setText("Label[" + num + "]: \"" + label + "\"");
                } else {
                    AsciiItems.add(item, f.siolabelLabel, tvb, valueOffset, valueLength);
                }
            } else {
                TreeItem unknown = AsciiItems.add(item, f.siolabelUnknown, tvb, itemOffset, itemLength);
                registry.expert().add(unknown, f.unknownParam, tvb, itemOffset, itemLength);
            }
            if (end >= 0) {
                itemOffset = end + 1;
            }
        } while (end >= 0);
    }

    private static boolean startsWith(Tvb tvb, int offset, String s) {
        if (offset + s.length() > tvb.length()) {
            return false;
        }
        return tvb.latin1(offset, s.length()).equals(s);
    }

    /** tvb_find_line_end within {@code max} bytes: the line's length, or {@code max} without a line end. */
    private static int lineLength(Tvb tvb, int offset, int max) {
        int limit = Math.min(tvb.length(), offset + Math.max(0, max));
        for (int i = offset; i < limit; i++) {
            int b = tvb.u8(i);
            if (b == '\r' || b == '\n') {
                return i - offset;
            }
        }
        return limit - offset;
    }
}
