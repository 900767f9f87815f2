package io.jdissect.protocols.imf;

import java.util.ArrayList;
import java.util.List;

/**
 * The header section of a message or body part read by RFC 5322 §2.2 (not tshark's way): fields
 * start at a line's first character, continue on lines that start with white space, and end at
 * the first empty line. CRLF and bare LF line ends are both accepted. A line that is neither a
 * field nor a continuation is counted as malformed and skipped. At most {@code maxHeaders} fields
 * are kept; scanning goes on (it is linear) so the body is still found.
 */
public record HeaderSection(List<HeaderField> fields, int bodyStart, int malformedLines, boolean limitHit) {

    public static HeaderSection parse(byte[] d, int start, int end, MimeLimits limits) {
        List<HeaderField> fields = new ArrayList<>();
        int malformed = 0;
        boolean limitHit = false;
        int fieldStart = -1;
        int colon = -1;
        int valueEnd = -1;
        int i = start;
        int bodyStart = end;
        while (i < end) {
            int nl = i;
            while (nl < end && d[nl] != '\n') {
                nl++;
            }
            int contentEnd = nl > i && d[nl - 1] == '\r' ? nl - 1 : nl;
            int next = nl < end ? nl + 1 : end;
            if (contentEnd == i) {
                bodyStart = next;
                break;
            }
            boolean continuation = d[i] == ' ' || d[i] == '\t';
            if (continuation && fieldStart >= 0) {
                valueEnd = contentEnd;
            } else {
                if (fieldStart >= 0) {
                    limitHit |= !add(fields, d, fieldStart, i, colon, valueEnd, limits);
                    fieldStart = -1;
                }
                int c = i;
                while (c < contentEnd && d[c] != ':') {
                    c++;
                }
                if (c == contentEnd || c == i) {
                    malformed++;
                } else {
                    fieldStart = i;
                    colon = c;
                    valueEnd = contentEnd;
                }
            }
            i = next;
        }
        if (fieldStart >= 0) {
            limitHit |= !add(fields, d, fieldStart, Math.min(i, end), colon, valueEnd, limits);
        }
        return new HeaderSection(fields, bodyStart, malformed, limitHit);
    }

    private static boolean add(List<HeaderField> fields, byte[] d, int fieldStart, int fieldEnd, int colon,
                               int valueEnd, MimeLimits limits) {
        if (fields.size() >= limits.maxHeaders()) {
            return false;
        }
        String name = new String(d, fieldStart, colon - fieldStart, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        fields.add(HeaderField.of(name, d, fieldStart, fieldEnd - fieldStart, colon + 1, valueEnd,
                limits.maxHeaderLength()));
        return true;
    }

    /** The first field named {@code name} (any case), or null. */
    public HeaderField first(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return f;
            }
        }
        return null;
    }
}
