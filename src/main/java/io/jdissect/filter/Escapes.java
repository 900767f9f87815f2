package io.jdissect.filter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes quoted strings and character constants as tshark's scanner does: C escapes, octal up to
 * 255, {@code \xN}/{@code \xNN}, universal character names (never the basic set), and raw strings
 * {@code r"…"} that keep every backslash. Errors carry tshark's message.
 */
final class Escapes {
    private Escapes() {
    }

    /** A string or character constant that does not decode. */
    static final class EscapeException extends Exception {
        /** Offset of the offending escape within the token, or -1 for the whole token. */
        final int offset;
        final int length;

        EscapeException(String message) {
            this(message, -1, 0);
        }

        EscapeException(String message, int offset, int length) {
            super(message, null, false, false);
            this.offset = offset;
            this.length = length;
        }
    }

    /** The bytes of a string token (with its quotes and optional r prefix). */
    static byte[] decodeString(String token) throws EscapeException {
        boolean raw = token.charAt(0) == 'r' || token.charAt(0) == 'R';
        String body = token.substring(raw ? 2 : 1, token.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                int end = i;
                while (end < body.length() && body.charAt(end) != '\\') {
                    end++;
                }
                out.writeBytes(body.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            int end = escapeEnd(body, i);
            String esc = body.substring(i, end);
            if (raw) {
                out.writeBytes(esc.getBytes(StandardCharsets.UTF_8));
            } else {
                try {
                    appendEscape(out, esc);
                } catch (EscapeException e) {
                    throw new EscapeException(e.getMessage(), (raw ? 2 : 1) + i, esc.length());
                }
            }
            i = end;
        }
        return out.toByteArray();
    }

    /** Where the escape sequence starting at the backslash at {@code i} ends (the scanner's longest match). */
    private static int escapeEnd(String s, int i) {
        if (i + 1 >= s.length()) {
            return s.length();
        }
        char k = s.charAt(i + 1);
        int j = i + 2;
        if (k >= '0' && k <= '7') {
            while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                j++;
            }
        } else if (k == 'x') {
            if (j < s.length() && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
                if (j < s.length() && Character.digit(s.charAt(j), 16) >= 0) {
                    j++;
                }
            }
        } else if (k == 'u' || k == 'U') {
            int max = k == 'u' ? 4 : 8;
            while (j < s.length() && j < i + 2 + max && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
            }
        }
        return j;
    }

    private static void appendEscape(ByteArrayOutputStream out, String esc) throws EscapeException {
        char k = esc.charAt(1);
        if (k >= '0' && k <= '7') {
            int v = Integer.parseInt(esc.substring(1), 8);
            if (v > 0xff) {
                throw new EscapeException(esc + " is larger than 255.");
            }
            out.write(v);
        } else if (k == 'x' && esc.length() > 2) {
            out.write(Integer.parseInt(esc.substring(2), 16));
        } else if (k == 'u' || k == 'U') {
            int cp = universalCharacter(esc);
            if (cp < 0) {
                throw new EscapeException(esc + " is not a valid universal character name");
            }
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        } else {
            int c = simpleEscape(k);
            if (c < 0) {
                throw new EscapeException("\\" + k + " is not a valid character escape sequence");
            }
            out.write(c);
        }
    }

    private static int simpleEscape(char k) {
        return switch (k) {
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case 'v' -> 11;
            case '\\', '\'', '"' -> k;
            default -> -1;
        };
    }

    /**
     * The code point of {@code \\uXXXX} / {@code \\UXXXXXXXX}, or -1: C forbids the basic character set
     * (below 0xA0 except $ @ `), surrogates and values beyond U+10FFFF.
     */
    private static int universalCharacter(String esc) {
        int digits = esc.charAt(1) == 'u' ? 4 : 8;
        if (esc.length() < 2 + digits) {
            return -1;
        }
        long v = Long.parseLong(esc.substring(2, 2 + digits), 16);
        if ((v < 0xA0 && v != 0x24 && v != 0x40 && v != 0x60) || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) {
            return -1;
        }
        return (int) v;
    }

    /** The value of a character constant token such as {@code 'a'}, {@code '\\x0a'}, {@code '\\101'}. */
    static long decodeCharConst(String token) throws EscapeException {
        String s = token;
        int cp = 1;
        if (s.charAt(cp) == '\'') {
            throw new EscapeException("Empty character constant.");
        }
        long value;
        if (s.charAt(cp) == '\\') {
            cp++;
            char k = cp < s.length() ? s.charAt(cp) : '\0';
            switch (k) {
                case 'a', 'b', 'f', 'r', 't', 'v', '\'', '\\', '"' -> {
                    value = simpleEscape(k);
                    cp++;
                }
                // tshark 4.0 does not advance past 'n' (so '\n' is "too long"): keep its behaviour.
                case 'n' -> value = '\n';
                case 'x' -> {
                    cp++;
                    int d = cp < s.length() ? Character.digit(s.charAt(cp), 16) : -1;
                    if (d < 0) {
                        throw invalid(s);
                    }
                    value = d;
                    cp++;
                    if (cp < s.length() && s.charAt(cp) != '\'') {
                        d = Character.digit(s.charAt(cp), 16);
                        if (d < 0) {
                            throw invalid(s);
                        }
                        value = (value << 4) | d;
                        cp++;
                    }
                }
                case 'u', 'U' -> {
                    int digits = k == 'u' ? 4 : 8;
                    int end = Math.min(s.length(), cp + 1 + digits);
                    int code = universalCharacter(s.substring(cp - 1, end));
                    if (code < 0) {
                        throw new EscapeException(s + " is not a valid universal character name");
                    }
                    value = code;
                    cp = end;
                }
                default -> {
                    if (k < '0' || k > '7') {
                        throw invalid(s);
                    }
                    value = k - '0';
                    for (int n = 0; n < 2 && cp + 1 < s.length() && s.charAt(cp + 1) != '\''; n++) {
                        cp++;
                        char o = s.charAt(cp);
                        if (o < '0' || o > '7') {
                            throw invalid(s);
                        }
                        value = (value << 3) | (o - '0');
                    }
                    if (value > 0xff) {
                        throw new EscapeException(s + " is too large to be a valid character constant.");
                    }
                    cp++;
                }
            }
        } else {
            value = s.charAt(cp++);
            if (value < 0x20 || value > 0x7e) {
                throw new EscapeException(String.format("Non-printable value '0x%02x' in character constant.", value));
            }
        }
        if (cp != s.length() - 1 || s.charAt(cp) != '\'') {
            throw new EscapeException(s + " is too long to be a valid character constant.");
        }
        return value;
    }

    private static EscapeException invalid(String s) {
        return new EscapeException(s + " isn't a valid character constant.");
    }

    /** A string as tshark shows it in messages: in double quotes, with C escapes. */
    static String quote(byte[] value) {
        StringBuilder sb = new StringBuilder("\"");
        String s = new String(value, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
