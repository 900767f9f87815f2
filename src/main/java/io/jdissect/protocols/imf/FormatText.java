package io.jdissect.protocols.imf;

import io.jdissect.dissect.Tvb;

/**
 * Text of raw bytes as Wireshark's {@code tvb_format_text} and {@code tvb_format_text_wsp} show it
 * in the Info column and in text-only tree lines: printable ASCII as is, other ASCII as C escapes
 * ({@code \r}, {@code \n}, {@code \ooo}), valid UTF-8 sequences as their characters and invalid
 * bytes as U+FFFD. The {@code wsp} variant shows every ASCII white-space byte as one space, so a
 * body line {@code "text\r\n"} reads {@code "text  "}.
 */
public final class FormatText {
    private FormatText() {
    }

    /** {@code tvb_format_text}: escapes control characters. */
    public static String text(Tvb tvb, int offset, int length) {
        return format(tvb.bytes(offset, length), false);
    }

    /** {@code tvb_format_text_wsp}: white space becomes a space. */
    public static String textWsp(Tvb tvb, int offset, int length) {
        return format(tvb.bytes(offset, length), true);
    }

    static String format(byte[] b, boolean replaceSpace) {
        StringBuilder out = new StringBuilder(b.length + 8);
        int i = 0;
        while (i < b.length) {
            int c = b[i++] & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else if (c < 0x80) {
                if (replaceSpace && isAsciiSpace(c)) {
                    out.append(' ');
                } else {
                    escape(out, c);
                }
            } else {
                i = appendUtf8(out, b, i, c);
            }
        }
        return out.toString();
    }

    static boolean isAsciiSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static void escape(StringBuilder out, int c) {
        out.append('\\');
        switch (c) {
            case 0x07 -> out.append('a');
            case '\b' -> out.append('b');
            case '\f' -> out.append('f');
            case '\n' -> out.append('n');
            case '\r' -> out.append('r');
            case '\t' -> out.append('t');
            case 0x0b -> out.append('v');
            default -> out.append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                    .append((char) ('0' + (c & 7)));
        }
    }

    /** Appends the UTF-8 sequence starting with lead byte {@code c}; returns the next index. */
    private static int appendUtf8(StringBuilder out, byte[] b, int i, int c) {
        int more;
        int cp;
        if ((c & 0xe0) == 0xc0) {
            more = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            more = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            more = 3;
            cp = c & 0x07;
        } else {
            out.append('\uFFFD');
            return i;
        }
        for (int k = 0; k < more; k++) {
            if (i >= b.length || (b[i] & 0xc0) != 0x80) {
                // Incomplete sequence: one replacement, the byte is read again as a new character.
                out.append('\uFFFD');
                return i;
            }
            cp = (cp << 6) | (b[i++] & 0x3f);
        }
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            out.append('\uFFFD');
        } else if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
            out.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
        } else {
            out.appendCodePoint(cp);
        }
        return i;
    }
}
