package io.jdissect.filter;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.Timestamp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts filter literals to typed values the way tshark's ftypes do (fvalue_from_literal,
 * fvalue_from_string, fvalue_from_charconst), with tshark's messages: unquoted words, quoted
 * strings and character constants, and value-string labels of integer and boolean fields.
 * Values: integer types as Long, IPv4/IPv6 as {@link Ipv4Value}/{@link Ipv6Value}, bytes-like
 * types as byte[], strings as String, times as {@link Timestamp}, floats as Double.
 */
final class LiteralConverter {
    private LiteralConverter() {
    }

    /** A literal that does not convert, with tshark's message. */
    static final class ConversionException extends Exception {
        ConversionException(String message) {
            super(message, null, false, false);
        }
    }

    /** An unquoted word (or {@code :literal}) as a value of {@code type}; labels of {@code labels} are tried next. */
    static Object fromLiteral(FieldType type, String s, boolean allowPartial, FieldDef labels)
            throws ConversionException {
        try {
            return fromLiteral(type, s, allowPartial);
        } catch (ConversionException e) {
            Object v = fromLabel(labels, s, e);
            if (v != null) {
                return v;
            }
            throw e;
        }
    }

    /** A double-quoted string as a value of {@code type}. */
    static Object fromString(FieldType type, byte[] s, FieldDef labels) throws ConversionException {
        String text = new String(s, StandardCharsets.UTF_8);
        switch (type) {
            case FT_STRING, FT_STRINGZ:
                return text;
            case FT_BYTES, FT_PROTOCOL:
                return s;
            case FT_ABSOLUTE_TIME:
                return absoluteTime(text);
            default:
                ConversionException e = new ConversionException(type.description()
                        + " cannot be converted from a string (\"" + text + "\").");
                Object v = fromLabel(labels, text, e);
                if (v != null) {
                    return v;
                }
                throw e;
        }
    }

    /** A character constant as a value of {@code type}. */
    static Object fromCharConst(FieldType type, long c) throws ConversionException {
        if (type.isInteger()) {
            if (type != FieldType.FT_BOOLEAN && type.isUnsigned() && type.width() < 8
                    && c > (1L << (8 * type.width())) - 1) {
                throw new ConversionException("\"" + c + "\" too big for this field, maximum "
                        + ((1L << (8 * type.width())) - 1) + ".");
            }
            return type == FieldType.FT_BOOLEAN ? (c != 0 ? 1L : 0L) : c;
        }
        switch (type) {
            case FT_BYTES, FT_PROTOCOL:
                if (c > 0xff) {
                    throw new ConversionException(c + " is too large for a byte value");
                }
                return new byte[] {(byte) c};
            case FT_STRING, FT_STRINGZ:
                return new String(Character.toChars((int) c));
            default:
                if (c <= 0x7f && c >= 0x20 && c < 0x7f) {
                    throw new ConversionException(String.format("Character constant '%c' (0x%x) cannot be converted to %s.",
                            (char) c, c, type.description()));
                }
                throw new ConversionException(String.format("Character constant 0x%x cannot be converted to %s.",
                        c, type.description()));
        }
    }

    private static Object fromLiteral(FieldType type, String s, boolean allowPartial) throws ConversionException {
        if (type == FieldType.FT_BOOLEAN) {
            if (s.equals("True") || s.equals("TRUE")) {
                return 1L;
            }
            if (s.equals("False") || s.equals("FALSE")) {
                return 0L;
            }
            return unsigned(s, FieldType.FT_UINT64) != 0 ? 1L : 0L;
        }
        if (type.isUnsigned()) {
            return unsigned(s, type);
        }
        if (type.isSigned()) {
            return signed(s, type);
        }
        switch (type) {
            case FT_IPv4:
                return ipv4(s);
            case FT_IPv6:
                return ipv6(s);
            case FT_ETHER: {
                byte[] b = bytesOrNull(s);
                if (b == null) {
                    throw new ConversionException("\"" + s + "\" is not a valid Ethernet address.");
                }
                if (b.length > 6) {
                    throw new ConversionException("\"" + s + "\" contains too many bytes to be a valid Ethernet address.");
                }
                if (b.length < 6 && !allowPartial) {
                    throw new ConversionException("\"" + s + "\" contains too few bytes to be a valid Ethernet address.");
                }
                return b;
            }
            case FT_BYTES, FT_PROTOCOL:
                return bytes(s);
            case FT_STRING, FT_STRINGZ:
                return s;
            case FT_ABSOLUTE_TIME:
                return absoluteTime(s);
            case FT_RELATIVE_TIME:
                return relativeTime(s);
            case FT_FLOAT, FT_DOUBLE:
                return floating(s);
            default:
                throw new ConversionException("\"" + s + "\" cannot be converted to " + type.description() + ".");
        }
    }

    /**
     * Value-string labels (case-insensitive) of integer fields and the true/false labels of
     * booleans ("True"/"False" by default); tshark then reports a missing label instead of the
     * literal's own error.
     */
    private static Object fromLabel(FieldDef def, String s, ConversionException literalError)
            throws ConversionException {
        if (def == null || !def.type().isInteger() || def.type() == FieldType.FT_FRAMENUM) {
            return null;
        }
        FieldDef.ValueStrings vs = def.values();
        if (def.type() == FieldType.FT_BOOLEAN) {
            String t = vs != null && vs.trueLabel() != null ? vs.trueLabel() : "True";
            String f = vs != null && vs.falseLabel() != null ? vs.falseLabel() : "False";
            if (s.equalsIgnoreCase(t)) {
                return 1L;
            }
            if (s.equalsIgnoreCase(f)) {
                return 0L;
            }
            throw new ConversionException("\"" + s + "\" cannot be found among the possible values for "
                    + def.abbrev() + ".");
        }
        if (vs == null || vs.labels().isEmpty()) {
            return null;
        }
        for (Map.Entry<Long, String> e : vs.labels().entrySet()) {
            if (e.getValue().equalsIgnoreCase(s)) {
                return e.getKey();
            }
        }
        throw new ConversionException("\"" + s + "\" cannot be found among the possible values for "
                + def.abbrev() + ".");
    }

    // ---- integers (strtoul/strtol with base 0, plus 0b binary) ----

    private static BigInteger parseC(String s) {
        String t = s.trim();
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        int radix = 10;
        if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'b' || t.charAt(1) == 'B')) {
            radix = 2;
            t = t.substring(2);
        } else if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.charAt(0) == '0') {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(t, radix);
        return negative ? v.negate() : v;
    }

    private static long unsigned(String s, FieldType type) throws ConversionException {
        BigInteger v = parseC(s);
        if (v == null) {
            throw new ConversionException("\"" + s + "\" is not a valid number.");
        }
        if (v.bitLength() > 64) {
            throw new ConversionException("\"" + s + "\" causes an integer overflow.");
        }
        if (v.signum() < 0) {
            // strtoul negates in unsigned arithmetic.
            v = v.add(BigInteger.ONE.shiftLeft(64));
        }
        int width = type == FieldType.FT_CHAR ? 1 : type.width();
        BigInteger max = BigInteger.ONE.shiftLeft(8 * width).subtract(BigInteger.ONE);
        if (type == FieldType.FT_FRAMENUM) {
            max = BigInteger.valueOf(0xffffffffL);
        }
        if (v.compareTo(max) > 0) {
            throw new ConversionException("\"" + s + "\" too big for this field, maximum " + max + ".");
        }
        return v.longValue();
    }

    private static long signed(String s, FieldType type) throws ConversionException {
        BigInteger v = parseC(s);
        if (v == null) {
            throw new ConversionException("\"" + s + "\" is not a valid number.");
        }
        if (v.bitLength() > 63) {
            throw new ConversionException("\"" + s + "\" causes an integer " + (v.signum() < 0 ? "underflow." : "overflow."));
        }
        long max = type.width() == 8 ? Long.MAX_VALUE : (1L << (8 * type.width() - 1)) - 1;
        long min = -max - 1;
        long l = v.longValue();
        if (l > max) {
            throw new ConversionException("\"" + s + "\" too big for this field, maximum " + max + ".");
        }
        if (l < min) {
            throw new ConversionException("\"" + s + "\" too small for this field, minimum " + min + ".");
        }
        return l;
    }

    private static String stripColon(String s) {
        return s.startsWith(":") ? s.substring(1) : s;
    }

    // ---- addresses ----

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private static Ipv4Value ipv4(String s) throws ConversionException {
        String addr = s;
        int bits = 32;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
        }
        Matcher m = IPV4.matcher(addr);
        long a = 0;
        boolean ok = m.matches();
        for (int i = 1; ok && i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            ok = octet <= 255;
            a = (a << 8) | octet;
        }
        if (!ok) {
            throw new ConversionException("\"" + addr + "\" is not a valid hostname or IPv4 address.");
        }
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d+")) {
                throw new ConversionException("\"" + s + "\" is not a valid hostname or IPv4 address.");
            }
            bits = Integer.parseInt(p);
            if (bits > 32) {
                throw new ConversionException("Netmask bits in a CIDR IPv4 address should be <= 32, not " + bits);
            }
        }
        return new Ipv4Value(a, bits);
    }

    private static Ipv6Value ipv6(String s) throws ConversionException {
        String addr = s;
        int prefix = 128;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
        }
        byte[] b = Ipv6Value.parse(addr);
        if (b == null) {
            throw new ConversionException("\"" + addr + "\" is not a valid hostname or IPv6 address.");
        }
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d+")) {
                throw new ConversionException("\"" + s + "\" is not a valid hostname or IPv6 address.");
            }
            prefix = Integer.parseInt(p);
            if (prefix > 128) {
                throw new ConversionException("Prefix in a IPv6 address should be <= 128, not " + prefix);
            }
        }
        return new Ipv6Value(b, prefix);
    }

    // ---- bytes ----

    private static byte[] bytes(String s) throws ConversionException {
        byte[] b = bytesOrNull(s);
        if (b == null) {
            throw new ConversionException("\"" + byteLiteralText(s) + "\" is not a valid byte string.");
        }
        return b;
    }

    private static String byteLiteralText(String s) {
        String t = stripColon(s);
        return t.length() == 4 && (t.startsWith("0x") || t.startsWith("0X")) ? t.substring(2) : t;
    }

    /**
     * byte_array_from_literal: "0xNN" is one byte, "0bNNNNNNNN" one byte, otherwise hex pairs
     * separated by ':', '.' or '-' (single digits allowed between separators) or contiguous pairs.
     */
    static byte[] bytesOrNull(String s) {
        String t = byteLiteralText(s);
        if (t.length() == 10 && (t.startsWith("0b") || t.startsWith("0B")) && (t.charAt(2) == '0' || t.charAt(2) == '1')
                && t.substring(2).matches("[01]{8}")) {
            return new byte[] {(byte) Integer.parseInt(t.substring(2), 2)};
        }
        if (t.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < t.length()) {
            int n = 0;
            while (i + n < t.length() && n < 5 && Character.digit(t.charAt(i + n), 16) >= 0) {
                n++;
            }
            boolean groupEnd = i + n == t.length() || isByteSeparator(t.charAt(i + n));
            if (n == 4 && groupEnd) {
                // "0000.0000.0000": four digits between separators are two bytes
                out.write(Integer.parseInt(t.substring(i, i + 2), 16));
                out.write(Integer.parseInt(t.substring(i + 2, i + 4), 16));
                i += 4;
            } else if (n >= 2) {
                out.write(Integer.parseInt(t.substring(i, i + 2), 16));
                i += 2;
            } else if (n == 1 && groupEnd) {
                out.write(Character.digit(t.charAt(i), 16));
                i += 1;
            } else {
                return null;
            }
            if (i < t.length() && isByteSeparator(t.charAt(i))) {
                i++;
                if (i == t.length()) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    private static boolean isByteSeparator(char c) {
        return c == ':' || c == '.' || c == '-';
    }

    // ---- times and floats ----

    private static final String TIME_EXAMPLE = "Example: \"Nov 12, 1999 08:55:44.123\" or \"2011-07-04 12:34:56\"";
    /** strptime "%d, %Y %H:%M:%S" after a month name. */
    private static final Pattern MONTH_TIME = Pattern.compile("\\s*(\\d{1,2}), \\s*(\\d{1,4}) \\s*(\\d{1,2}):(\\d{1,2}):(\\d{1,2})");
    /** strptime "%Y-%m-%d %H:%M:%S", then the same without seconds, minutes and hours. */
    private static final Pattern[] ISO_LIKE_TIMES = {
        Pattern.compile("\\s*(\\d{1,4})-(\\d{1,2})-(\\d{1,2}) \\s*(\\d{1,2}):(\\d{1,2}):(\\d{1,2})"),
        Pattern.compile("\\s*(\\d{1,4})-(\\d{1,2})-(\\d{1,2}) \\s*(\\d{1,2}):(\\d{1,2})"),
        Pattern.compile("\\s*(\\d{1,4})-(\\d{1,2})-(\\d{1,2}) \\s*(\\d{1,2})"),
        Pattern.compile("\\s*(\\d{1,4})-(\\d{1,2})-(\\d{1,2})"),
    };
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    /**
     * absolute_val_from_string: ISO 8601 with an offset, else "Mon DD, YYYY HH:MM:SS" or
     * "YYYY-MM-DD[ HH[:MM[:SS]]]", optional ".fraction", then "UTC" or nothing (local time).
     */
    static Timestamp absoluteTime(String s) throws ConversionException {
        try {
            OffsetDateTime odt = OffsetDateTime.parse(s.replace(' ', 'T'));
            return new Timestamp(odt.toEpochSecond(), odt.getNano());
        } catch (DateTimeParseException e) {
            // not ISO 8601 with an offset: try the legacy forms
        }
        String generic = "\"" + s + "\" is not a valid absolute time. " + TIME_EXAMPLE;
        if (s.length() < "2000-1-1".length()) {
            throw new ConversionException(generic);
        }
        int[] f = new int[6];
        int rest = -1;
        boolean hasSeconds = true;
        if (s.charAt(3) == ' ' && monthIndex(s.substring(0, 3)) >= 0) {
            Matcher m = MONTH_TIME.matcher(s).region(4, s.length());
            if (m.lookingAt()) {
                f = new int[] {Integer.parseInt(m.group(2)), monthIndex(s.substring(0, 3)) + 1,
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5))};
                rest = m.end();
            }
        }
        for (int i = 0; rest < 0 && i < ISO_LIKE_TIMES.length; i++) {
            Matcher m = ISO_LIKE_TIMES[i].matcher(s);
            if (m.lookingAt()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    f[g - 1] = Integer.parseInt(m.group(g));
                }
                hasSeconds = i == 0;
                rest = m.end();
            }
        }
        if (rest < 0) {
            throw new ConversionException(generic);
        }
        int nanos = 0;
        if (rest < s.length() && s.charAt(rest) == '.') {
            if (!hasSeconds) {
                throw new ConversionException("Subsecond precision requires a seconds field.");
            }
            rest++;
            int digits = rest;
            while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
                digits++;
            }
            if (digits == rest) {
                throw new ConversionException("Subseconds value is not a number.");
            }
            if (digits - rest > 9) {
                throw new ConversionException("Subseconds value is invalid.");
            }
            nanos = Integer.parseInt((s.substring(rest, digits) + "000000000").substring(0, 9));
            rest = digits;
        }
        String zone = s.substring(rest).stripLeading();
        if (!zone.isEmpty() && !zone.equals("UTC")) {
            throw new ConversionException("Unexpected data after time value.");
        }
        try {
            LocalDateTime ldt = LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5]);
            long epoch = zone.isEmpty() ? ldt.atZone(ZoneId.systemDefault()).toEpochSecond()
                    : ldt.toEpochSecond(ZoneOffset.UTC);
            return new Timestamp(epoch, nanos);
        } catch (java.time.DateTimeException e) {
            throw new ConversionException(generic);
        }
    }

    private static int monthIndex(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(n)) {
                return i;
            }
        }
        return -1;
    }

    private static Timestamp relativeTime(String s) throws ConversionException {
        if (!s.matches("-?(\\d+(\\.\\d{0,9})?|\\.\\d{1,9})")) {
            throw new ConversionException("\"" + s + "\" is not a valid time.");
        }
        boolean negative = s.startsWith("-");
        String t = negative ? s.substring(1) : s;
        int dot = t.indexOf('.');
        long secs = dot == 0 ? 0 : Long.parseLong(dot < 0 ? t : t.substring(0, dot));
        int nanos = dot < 0 || dot == t.length() - 1 ? 0 : Integer.parseInt((t.substring(dot + 1) + "000000000").substring(0, 9));
        long total = secs * 1_000_000_000L + nanos;
        return Timestamp.ofNanos(negative ? -total : total);
    }

    private static Double floating(String s) throws ConversionException {
        try {
            if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?0[xX][0-9a-fA-F.]+([pP][-+]?\\d+)?|(?i)[-+]?(inf|infinity|nan)")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ConversionException("\"" + s + "\" is not a valid floating-point number.");
        }
    }
}
