package io.jdissect.protocols.text;

import io.jdissect.api.Tvb;

import java.nio.charset.StandardCharsets;

/**
 * Text for the Info column and text-only tree lines as Wireshark's {@code format_text} writes it:
 * printable characters as they are, C escapes for control characters ({@code \r}, {@code \n},
 * {@code \t}, …, other ASCII controls as {@code \ooo}, other non-printable code points as a
 * backslash, "u" and four hex digits), bytes that are not valid UTF-8 as U+FFFD. A backslash stays.
 */
public final class TextFormat {
    /**
     * Each thread's array for escaped text, which the String is then made of: every line of a message
     * body ends in CR LF, so each one took an array of its own before its String (150 MB of a -T json
     * run on the 100 MB benchmark capture).
     */
    private static final int SCRATCH_MAX = 4096;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_MAX]);

    private TextFormat() {
    }

    /** format_text of {@code len} bytes of {@code tvb} at {@code offset} (tvb_format_text). */
    public static String of(Tvb tvb, int offset, int len) {
        int n = Math.max(0, Math.min(len, tvb.remaining(offset)));
        tvb.ensure(offset, n);
        return of(tvb.array(), tvb.arrayOffset() + offset, n);
    }

    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    private static String of(byte[] bytes, int offset, int len) {
        // Most text is printable ASCII: one Latin-1 String, no UTF-8 decoding and no escaping pass.
        int end = offset + len;
        int first = offset;
        while (first < end && printableAscii((char) bytes[first])) {
            first++;
        }
        if (first == end) {
            return new String(bytes, offset, len, StandardCharsets.ISO_8859_1);
        }
        // A line with its CR LF, or other ASCII controls: escaped here into Latin-1 bytes, still
        // without decoding (a control becomes at most four characters).
        for (int i = first; i < end; i++) {
            if (bytes[i] < 0) {
                return of(new String(bytes, offset, len, StandardCharsets.UTF_8));
            }
        }
        int room = first - offset + (end - first) * 4;
        byte[] out = room <= SCRATCH_MAX ? SCRATCH.get() : new byte[room];
        System.arraycopy(bytes, offset, out, 0, first - offset);
        int o = first - offset;
        for (int i = first; i < end; i++) {
            byte c = bytes[i];
            if (printableAscii((char) c)) {
                out[o++] = c;
            } else {
                o = putControl(out, o, (char) c);
            }
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }

    /** format_text of an already decoded string. */
    public static String of(String s) {
        int first = 0;
        while (first < s.length() && printableAscii(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, first);
        for (int i = first; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x80) {
                if (printable(cp)) {
                    b.appendCodePoint(cp);
                } else {
                    b.append(cp > 0xffff ? String.format("\\U%08X", cp) : String.format("\\u%04X", cp));
                }
                continue;
            }
            char c = (char) cp;
            if (c >= 0x20 && c != 0x7f) {
                b.append(c);
            } else {
                appendControl(b, c);
            }
        }
        return b.toString();
    }

    /** format_text's escape of each ASCII control character (below space, and DEL), by code. */
    private static final String[] CONTROL_ESCAPES = new String[0x80];

    static {
        for (int c = 0; c < 0x80; c++) {
            if (!printableAscii((char) c)) {
                CONTROL_ESCAPES[c] = switch (c) {
                    case 7 -> "\\a";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case 11 -> "\\v";
                    default -> "\\" + (c >> 6) + ((c >> 3) & 7) + (c & 7);
                };
            }
        }
    }

    /** An ASCII control character (below space, or DEL) as format_text escapes it. */
    private static void appendControl(StringBuilder b, char c) {
        b.append(CONTROL_ESCAPES[c]);
    }

    /** {@link #appendControl} into {@code out} at {@code o}; returns the offset after it. */
    private static int putControl(byte[] out, int o, char c) {
        String escaped = CONTROL_ESCAPES[c];
        for (int i = 0; i < escaped.length(); i++) {
            out[o++] = (byte) escaped.charAt(i);
        }
        return o;
    }

    /** A character format_text writes as it is: ASCII from space to tilde (a negative byte never is). */
    private static boolean printableAscii(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    /** GLib's g_unichar_isprint: not a control, format, unassigned or surrogate code point. */
    private static boolean printable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
                return false;
            default:
                return true;
        }
    }
}
