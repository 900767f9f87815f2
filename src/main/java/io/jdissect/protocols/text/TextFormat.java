package io.jdissect.protocols.text;

import io.jdissect.dissect.Tvb;

import java.nio.charset.StandardCharsets;

/**
 * Text for the Info column and text-only tree lines as Wireshark's {@code format_text} writes it:
 * printable characters as they are, C escapes for control characters ({@code \r}, {@code \n},
 * {@code \t}, …, others as {@code \ooo}), bytes that are not valid UTF-8 as U+FFFD.
 */
public final class TextFormat {
    private TextFormat() {
    }

    /** format_text of {@code len} bytes of {@code tvb} at {@code offset} (tvb_format_text). */
    public static String of(Tvb tvb, int offset, int len) {
        return of(tvb.bytes(offset, Math.max(0, Math.min(len, tvb.remaining(offset)))));
    }

    public static String of(byte[] bytes) {
        return of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** format_text of an already decoded string. */
    public static String of(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7f) {
                b.append(c);
                continue;
            }
            switch (c) {
                case 7: b.append("\\a"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case 11: b.append("\\v"); break;
                default: b.append(String.format("\\%03o", (int) c));
            }
        }
        return b.toString();
    }
}
