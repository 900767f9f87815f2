package io.jdissect.plugins.pop3;

/**
 * The size in {@code +OK 1234 octets}, read as tshark reads it ({@code sscanf(line, "%*s %u %*s")}):
 * skip the first word, then an unsigned number after optional white space and sign; 32 bits,
 * wrapping as C's unsigned conversion does.
 */
final class OctetCount {
    private OctetCount() {
    }

    /** The number, or null when there is none (tshark's {@code pop.response.tot_len.invalid}). */
    static Long parse(String line) {
        int i = skipSpace(line, 0);
        while (i < line.length() && !isSpace(line.charAt(i))) {
            i++;
        }
        i = skipSpace(line, i);
        boolean negative = false;
        if (i < line.length() && (line.charAt(i) == '+' || line.charAt(i) == '-')) {
            negative = line.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        boolean overflow = false;
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            value = value * 10 + (line.charAt(i) - '0');
            overflow |= value > 0xffffffffL;
            i++;
        }
        if (i == start) {
            return null;
        }
        if (overflow) {
            return 0xffffffffL;
        }
        return (negative ? -value : value) & 0xffffffffL;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** C's isspace in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
