package io.jdissect.protocols.imf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded-words ({@code =?charset?B|Q?text?=}) decoded with the charsets Java knows
 * (UTF-8, ISO-8859-x, GB2312, Shift_JIS, windows-125x …). White space between two adjacent
 * encoded-words is dropped (§6.2), and adjacent words in the same charset are joined before
 * decoding so a multi-byte character split across words survives. A word in an unknown charset
 * or with a malformed encoding is left as written and reported.
 */
public final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    /** The decoded text, and the first unknown charset met (null if none). */
    public record Result(String text, String unknownCharset) {
    }

    private EncodedWords() {
    }

    public static Result decode(String text) {
        if (text.indexOf("=?") < 0) {
            return new Result(text, null);
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = WORD.matcher(text);
        int last = 0;
        String unknown = null;
        Charset pending = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = pending != null && between.isBlank();
            Charset cs = charset(m.group(1));
            byte[] decoded = cs == null ? null : decodeText(m.group(2), m.group(3));
            if (decoded == null) {
                if (cs == null && unknown == null) {
                    unknown = m.group(1);
                }
                flush(out, pending, bytes);
                pending = null;
                out.append(between).append(m.group());
            } else {
                if (!(adjacent && cs.equals(pending))) {
                    flush(out, pending, bytes);
                    if (!adjacent) {
                        out.append(between);
                    }
                }
                pending = cs;
                bytes.writeBytes(decoded);
            }
            last = m.end();
        }
        flush(out, pending, bytes);
        out.append(text, last, text.length());
        return new Result(out.toString(), unknown);
    }

    private static void flush(StringBuilder out, Charset cs, ByteArrayOutputStream bytes) {
        if (cs != null && bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), cs));
        }
        bytes.reset();
    }

    /** The charset named in a word; RFC 2231 §5 allows a language suffix ({@code UTF-8*en}). */
    static Charset charset(String name) {
        int star = name.indexOf('*');
        String n = star >= 0 ? name.substring(0, star) : name;
        try {
            // Mail labelled GB2312 routinely holds GBK characters; GBK is its superset.
            return Charset.forName(n.toLowerCase(Locale.ROOT).equals("gb2312") ? "GBK" : n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static byte[] decodeText(String encoding, String text) {
        return encoding.equalsIgnoreCase("B") ? TransferDecoding.base64Strict(text) : qDecode(text);
    }

    /** The Q encoding (§4.2): like quoted-printable, with '_' for a space. Null if malformed. */
    private static byte[] qDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
