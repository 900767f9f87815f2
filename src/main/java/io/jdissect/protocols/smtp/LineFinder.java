package io.jdissect.protocols.smtp;

import io.jdissect.api.ByteSearch;
import io.jdissect.api.Tvb;

/**
 * Wireshark's {@code tvb_find_line_end} with its {@code desegment} flag: when desegmenting, a line
 * with no end in the buffer, or ending in a CR that is the buffer's last byte (CRLF or lone CR?
 * the next byte decides), has no end yet (-1).
 */
final class LineFinder {
    private LineFinder() {
    }

    /**
     * Length of the line at {@code offset} without its end-of-line, or -1 when {@code desegment}
     * and the end is not in the buffer; {@code next[0]} gets the offset after the end-of-line.
     */
    static int find(Tvb tvb, int offset, boolean desegment, int[] next) {
        int end = tvb.length();
        byte[] a = tvb.array();
        int base = tvb.arrayOffset();
        int at = ByteSearch.indexOfLineEnd(a, base + offset, base + end);
        if (at >= 0) {
            int i = at - base;
            if (a[at] == '\n') {
                next[0] = i + 1;
                return i - offset;
            }
            if (i + 1 >= end) {
                if (desegment) {
                    return -1;
                }
                next[0] = i + 1;
            } else {
                next[0] = a[at + 1] == '\n' ? i + 2 : i + 1;
            }
            return i - offset;
        }
        if (desegment) {
            return -1;
        }
        next[0] = end;
        return end - offset;
    }
}
