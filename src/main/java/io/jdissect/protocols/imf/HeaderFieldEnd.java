package io.jdissect.protocols.imf;

import io.jdissect.api.Tvb;

/**
 * Where a header field ends, as Wireshark's {@code imf_find_field_end} finds it (shared by IMF and
 * MIME multipart): the offset after the CRLF that is not followed by a space or tab (RFC 5322
 * §2.2.3 folding), or -1 when no such CRLF comes before {@code maxLength}. Only CRLF counts; a
 * bare LF never ends a field. Reproduces tshark's two edge cases: a CRLF CR LF ends the header
 * section (the returned offset is at the empty line), and a CRLF at the very end of the data ends
 * it too but the returned offset is that of the CR, so callers cut two more bytes.
 */
public final class HeaderFieldEnd {
    /** The end offset, or -1. */
    public final int end;
    /** True when this field is the last one of the header section. */
    public final boolean last;

    private HeaderFieldEnd(int end, boolean last) {
        this.end = end;
        this.last = last;
    }

    public static HeaderFieldEnd find(Tvb tvb, int offset, int maxLength) {
        int limit = Math.min(maxLength, tvb.length());
        while (offset < limit) {
            // Eight bytes at a time: a message without CRLFs (bare LF line ends) is searched to its end.
            int cr = tvb.find(offset, limit, (byte) '\r');
            if (cr < 0) {
                break;
            }
            offset = cr + 1;
            if (offset < limit && tvb.u8(offset) == '\n') {
                offset++;
                if (offset >= limit) {
                    return new HeaderFieldEnd(offset - 2, true);
                }
                int next = tvb.u8(offset);
                if (next == '\r') {
                    return new HeaderFieldEnd(offset, offset + 1 < limit && tvb.u8(offset + 1) == '\n');
                }
                if (next != ' ' && next != '\t') {
                    return new HeaderFieldEnd(offset, false);
                }
            }
        }
        return new HeaderFieldEnd(-1, false);
    }
}
