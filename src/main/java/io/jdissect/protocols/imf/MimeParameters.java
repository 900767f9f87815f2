package io.jdissect.protocols.imf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured MIME header value ({@code Content-Type}, {@code Content-Disposition}) parsed as
 * RFC 2045 §5.1 and RFC 2183 say: the lower-cased value before the first {@code ;} and the
 * parameters, with quoted strings unquoted, RFC 2231 continuations ({@code name*0=}, {@code
 * name*1*=}) joined and charset-decoded, and RFC 2047 encoded-words decoded (which RFC 2047 §5
 * forbids in parameters but mailers write anyway).
 */
public record MimeParameters(String value, Map<String, String> parameters) {

    public static MimeParameters parse(String unfolded) {
        if (unfolded == null) {
            return new MimeParameters("", Map.of());
        }
        int semi = indexOfUnquoted(unfolded, 0);
        String value = (semi < 0 ? unfolded : unfolded.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
        int pos = semi;
        while (pos >= 0 && pos < unfolded.length()) {
            int next = indexOfUnquoted(unfolded, pos + 1);
            String param = unfolded.substring(pos + 1, next < 0 ? unfolded.length() : next).strip();
            pos = next;
            int eq = param.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = unquote(param.substring(eq + 1).strip());
            boolean extended = name.endsWith("*");
            String base = extended ? name.substring(0, name.length() - 1) : name;
            int star = base.indexOf('*');
            int section = 0;
            if (star > 0) {
                try {
                    section = Integer.parseInt(base.substring(star + 1));
                } catch (NumberFormatException e) {
                    section = -1;
                }
                base = base.substring(0, star);
            }
            if (star < 0 && !extended) {
                plain.putIfAbsent(base, EncodedWords.decode(v).text());
            } else if (section >= 0 && section < 1000) {
                continued.computeIfAbsent(base, k -> new TreeMap<>()).put(section,
                        new String[] {v, extended ? "*" : ""});
            }
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
            plain.put(e.getKey(), joinRfc2231(e.getValue()));
        }
        return new MimeParameters(value, plain);
    }

    public String get(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }

    /** RFC 2231 §3-4: {@code charset'lang'%XX…} on the first extended section, percent-decoding. */
    private static String joinRfc2231(TreeMap<Integer, String[]> sections) {
        Charset cs = StandardCharsets.UTF_8;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] s : sections.values()) {
            String v = s[0];
            boolean extended = !s[1].isEmpty();
            if (first && extended) {
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    Charset named = EncodedWords.charset(v.substring(0, q1));
                    if (named != null) {
                        cs = named;
                    }
                    v = v.substring(q2 + 1);
                }
            }
            first = false;
            if (extended) {
                percentDecode(v, bytes);
            } else {
                bytes.writeBytes(v.getBytes(cs));
            }
        }
        return new String(bytes.toByteArray(), cs);
    }

    private static void percentDecode(String v, ByteArrayOutputStream out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && Character.digit(v.charAt(i + 1), 16) >= 0
                    && Character.digit(v.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(v.charAt(i + 1), 16) * 16 + Character.digit(v.charAt(i + 2), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int indexOfUnquoted(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"') {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                out.append(v.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
