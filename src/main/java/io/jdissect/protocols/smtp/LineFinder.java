package io.jdissect.protocols.smtp;

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
        return find(tvb, offset, offset, desegment, next);
    }

    /** As {@link #find(Tvb, int, boolean, int[])}, for a line whose end is known not to lie before {@code searchFrom}. */
    static int find(Tvb tvb, int offset, int searchFrom, boolean desegment, int[] next) {
        int len = tvb.findLineEnd(searchFrom, next);
        if (len < 0) {
            if (desegment) {
                return -1;
            }
            next[0] = tvb.length();
            return tvb.length() - offset;
        }
        int eol = searchFrom + len;
        if (desegment && eol == tvb.length() - 1 && tvb.u8(eol) == '\r') {
            return -1; // a CR as the buffer's last byte: CRLF or a lone CR, the next segment decides
        }
        return eol - offset;
    }
}
