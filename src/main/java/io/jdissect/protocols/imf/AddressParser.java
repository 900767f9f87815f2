package io.jdissect.protocols.imf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses an unfolded address-list or mailbox-list (RFC 5322 §3.4) by its grammar, unlike tshark
 * which splits on every comma: commas inside quoted strings, comments and angle brackets do not
 * separate addresses, a group ({@code name: a, b;}) lists its members, comments are dropped (and
 * serve as the display name in the obsolete {@code addr (Name)} form). Lenient: it never fails,
 * whatever the input, and runs in linear time.
 */
public final class AddressParser {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String s;
    private int pos;

    private AddressParser(String s) {
        this.s = s;
    }

    /** Every mailbox of the list, group members included. */
    public static List<MailAddress> parse(String unfolded) {
        return new AddressParser(unfolded).list();
    }

    private List<MailAddress> list() {
        List<MailAddress> out = new ArrayList<>();
        String group = null;
        while (pos < s.length()) {
            StringBuilder phrase = new StringBuilder();
            StringBuilder comment = new StringBuilder();
            char stop = readPhrase(phrase, comment);
            if (stop == ':' && group == null) {
                group = decode(phrase.toString().strip());
                continue;
            }
            String name = decode(phrase.toString().strip());
            if (stop == '<') {
                String addr = readAngle();
                out.add(new MailAddress(name, addr, group));
                StringBuilder rest = new StringBuilder();
                stop = readPhrase(rest, new StringBuilder());
            } else if (!name.isEmpty()) {
                String addr = WHITESPACE.matcher(phrase).replaceAll("");
                String display = decode(comment.toString().strip());
                out.add(new MailAddress(display, addr, group));
            }
            if (stop == ';') {
                group = null;
            }
        }
        return out;
    }

    /**
     * Reads atoms, quoted strings and comments up to {@code < : , ;} or the end; returns the
     * delimiter (consumed; 0 at the end). Quoted strings are unquoted, comments go to {@code comment}.
     */
    private char readPhrase(StringBuilder phrase, StringBuilder comment) {
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            switch (c) {
                case '"' -> readQuoted(phrase);
                case '(' -> readComment(comment);
                case '<', ':', ',', ';' -> {
                    return c;
                }
                default -> phrase.append(c);
            }
        }
        return 0;
    }

    private void readQuoted(StringBuilder out) {
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                out.append(s.charAt(pos++));
            } else if (c == '"') {
                return;
            } else {
                out.append(c);
            }
        }
    }

    private void readComment(StringBuilder out) {
        int depth = 1;
        while (pos < s.length() && depth > 0) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                out.append(s.charAt(pos++));
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else {
                out.append(c);
            }
        }
    }

    /** The addr-spec inside {@code <…>} (a route {@code @a,@b:} before it is dropped, RFC 5322 §4.4). */
    private String readAngle() {
        StringBuilder addr = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '>') {
                break;
            } else if (c == '"') {
                addr.append('"');
                readQuoted(addr);
                addr.append('"');
            } else if (c == ':' && addr.length() > 0 && addr.charAt(0) == '@') {
                addr.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                addr.append(c);
            }
        }
        return addr.toString();
    }

    private static String decode(String text) {
        return EncodedWords.decode(text).text();
    }
}
