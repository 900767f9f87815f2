package io.jdissect.field;

import io.jdissect.api.Address;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Field values as text, the way tshark writes them: {@link #fieldsText} for {@code -T fields}
 * (the display-filter representation: {@code 0x0018}, {@code 1}, {@code 00:00:5e:00:53:01},
 * contiguous hex for bytes, {@code \r\n} escaped in strings) and {@link #jsonText} for
 * {@code -T json} (the same, but bytes as colon-separated hex and strings unescaped).
 */
public final class FieldFormat {
    private static final DateTimeFormatter ABS_TIME =
            DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss", Locale.US);
    /** Null until set or first read: the system's zone costs a read of the time-zone data, which the CLI never needs. */
    private static volatile ZoneId zone;

    private FieldFormat() {
    }

    /** The zone absolute times are shown in (tshark: local time, i.e. TZ). */
    public static void setZone(ZoneId z) {
        zone = z;
    }

    public static ZoneId zone() {
        ZoneId z = zone;
        if (z == null) {
            z = ZoneId.systemDefault();
            zone = z;
        }
        return z;
    }

    /** The value as {@code -T fields} prints it; null when the item has no printable value. */
    public static String fieldsText(TreeItem item) {
        FieldDef def = item.def();
        if (def == null) {
            return null;
        }
        if (def.type() == FieldType.FT_BYTES) {
            byte[] b = item.bytesValue();
            return b == null ? "" : hex(b, (char) 0);
        }
        if (def.type().isString()) {
            String s = item.stringValue();
            return s == null ? "" : escape(s);
        }
        return common(item);
    }

    /** The value as {@code -T json} prints it (before JSON string escaping). */
    public static String jsonText(TreeItem item) {
        FieldDef def = item.def();
        if (def == null) {
            return "";
        }
        switch (def.type()) {
            case FT_BYTES: {
                byte[] b = item.bytesValue();
                return b == null ? "" : hex(b, ':');
            }
            case FT_NONE:
                return "";
            case FT_STRING:
            case FT_STRINGZ: {
                String s = item.stringValue();
                return s == null ? "" : s;
            }
            default:
                return common(item);
        }
    }

    private static String common(TreeItem item) {
        FieldDef def = item.def();
        FieldType t = def.type();
        switch (t) {
            case FT_NONE:
                return "1";
            case FT_PROTOCOL:
                return def.abbrev();
            case FT_BOOLEAN:
                return item.longValue() != 0 ? "1" : "0";
            case FT_IPv4:
                return Address.FormatUtil.ipv4(item.longValue());
            case FT_IPv6:
                return Address.FormatUtil.ipv6((byte[]) item.value());
            case FT_ETHER:
                return Address.FormatUtil.ether((byte[]) item.value());
            case FT_ABSOLUTE_TIME:
                return absoluteTime((Timestamp) item.value());
            case FT_RELATIVE_TIME:
                return ((Timestamp) item.value()).toSecondsString();
            case FT_FLOAT:
            case FT_DOUBLE:
                return doubleText(((Number) item.value()).doubleValue());
            default:
                if (t.isInteger()) {
                    return integer(def, item.longValue());
                }
                Object v = item.value();
                return v == null ? "" : v.toString();
        }
    }

    /**
     * An integer in the field's base: {@code 0x0800} for a BASE_HEX FT_UINT16, {@code 25} for BASE_DEC.
     * Hex values are padded to the width of the field's type even when it has a bitmask, as tshark's
     * {@code -T fields} and {@code -T json} print them ({@code ip.flags} 0x02, {@code tcp.flags}
     * 0x0002); tree labels use the bitmask's width ({@link #hexInt}).
     */
    public static String integer(FieldDef def, long v) {
        switch (def.base()) {
            case BASE_HEX:
            case BASE_HEX_DEC:
                return hex(v, Math.max(1, def.type().width() * 2));
            case BASE_OCT:
                return v == 0 ? "0" : "0" + Long.toOctalString(v);
            default:
                return def.type().isSigned() ? Long.toString(v) : Long.toUnsignedString(v);
        }
    }

    /** Hex with as many digits as the field's (masked) width, as Wireshark pads it in tree labels. */
    public static String hexInt(FieldDef def, long v) {
        return hex(v, hexDigits(def));
    }

    /** {@code 0x} and {@code v} in lowercase hex, zero-padded to {@code digits}. */
    public static String hex(long v, int digits) {
        String h = Long.toHexString(v);
        StringBuilder sb = new StringBuilder(2 + digits).append("0x");
        for (int i = h.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(h).toString();
    }

    /**
     * Hex digits of a field in a tree label: the width its bitmask spans once shifted (tshark's
     * {@code Flags: 0x002} for the 12-bit {@code tcp.flags}), else its type's width.
     */
    public static int hexDigits(FieldDef def) {
        if (def.bitmask() != 0) {
            int bits = 64 - Long.numberOfLeadingZeros(def.bitmask() >>> def.bitShift());
            return Math.max(1, (bits + 3) / 4);
        }
        return Math.max(1, def.type().width() * 2);
    }

    /**
     * tshark's absolute time: {@code Nov 22, 2026 08:02:25.356719000 UTC} in the local zone; the day
     * is space-padded ({@code Dec  6, 2013}, strftime's {@code %e}).
     */
    public static String absoluteTime(Timestamp ts) {
        long second = ts.seconds();
        if (!representable(second)) {
            return NOT_REPRESENTABLE;
        }
        ZoneId z = zone();
        SecondText cached = lastSecond;
        if (cached == null || cached.second != second || cached.zone != z) {
            cached = secondText(second, z);
            lastSecond = cached;
        }
        StringBuilder sb = new StringBuilder(cached.date.length() + 10 + cached.zoneName.length()).append(cached.date).append('.');
        appendNineDigits(sb, Math.max(0, ts.nanos()));
        return sb.append(' ').append(cached.zoneName).toString();
    }

    /** What tshark shows for an absolute time its calendar functions cannot convert (a corrupt timestamp). */
    public static final String NOT_REPRESENTABLE = "Not representable";

    /**
     * Whether {@code second} (since the epoch) has a calendar date. java.time stops at years
     * ±1 000 000 000, a little before glibc's gmtime does: between the two (seconds beyond about
     * 3.2e16) jdissect says "Not representable" where tshark prints a date with a ten-digit year.
     */
    public static boolean representable(long second) {
        return second >= Instant.MIN.getEpochSecond() && second <= Instant.MAX.getEpochSecond();
    }

    /** The date and time of one second and its zone's name; formatting them is costly and frames come many a second. */
    private record SecondText(long second, ZoneId zone, String date, String zoneName) {
    }

    private static volatile SecondText lastSecond;

    private static SecondText secondText(long second, ZoneId z) {
        ZonedDateTime t = Instant.ofEpochSecond(second).atZone(z);
        String id = t.getZone().getId();
        String abbrev = id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Z")
                ? "UTC" : t.getZone().getDisplayName(java.time.format.TextStyle.SHORT, Locale.US);
        return new SecondText(second, z, ABS_TIME.format(t), abbrev);
    }

    /** Appends {@code v} (0 to 999 999 999) as nine digits, as {@code %09d} would. */
    public static void appendNineDigits(StringBuilder sb, long v) {
        for (long div = 100_000_000L; div > 0; div /= 10) {
            sb.append((char) ('0' + (v / div) % 10));
        }
    }

    /** A floating-point value as tshark prints it ({@code %g}-like, no trailing zeros). */
    public static String doubleText(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = String.format(Locale.ROOT, "%.15g", d);
        if (s.contains("e")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Bytes as lowercase hex, with {@code sep} between bytes unless it is 0. */
    public static String hex(byte[] b, char sep) {
        return new String(hexAscii(b, sep), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Every byte's two hex digits as one big-endian short: one load and one store per byte. */
    private static final short[] HEX_PAIRS = new short[256];
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    /** The same digits in the low two bytes of a little-endian int, with room for a separator above them. */
    private static final int[] HEX_PAIRS_LE = new int[256];
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        byte[] digits = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 256; i++) {
            HEX_PAIRS[i] = (short) ((digits[i >> 4] << 8) | digits[i & 0xf]);
            HEX_PAIRS_LE[i] = digits[i >> 4] | digits[i & 0xf] << 8;
        }
    }

    /**
     * {@link #hex(byte[], char)} as ASCII bytes: writers put it out as it is (payloads make long
     * values, and a String of them would be copied and checked again by the JSON generator).
     */
    public static byte[] hexAscii(byte[] b, char sep) {
        byte[] out = new byte[hexLength(b.length, sep)];
        hexAscii(b, sep, out);
        return out;
    }

    /** The length of {@link #hexAscii(byte[], char)} for {@code n} bytes. */
    public static int hexLength(int n, char sep) {
        int step = sep == 0 ? 2 : 3;
        return n == 0 ? 0 : n * step - (step - 2);
    }

    /** {@link #hexAscii(byte[], char)} into {@code out}, which has room for {@link #hexLength} bytes. */
    public static void hexAscii(byte[] b, char sep, byte[] out) {
        hexAscii(b, 0, b.length, sep, out);
    }

    /** {@link #hexAscii(byte[], char, byte[])} of {@code len} bytes of {@code b} from {@code from}. */
    public static void hexAscii(byte[] b, int from, int len, char sep, byte[] out) {
        if (len == 0) {
            return;
        }
        if (sep == 0) {
            for (int i = 0; i < len; i++) {
                SHORT_BE.set(out, i << 1, HEX_PAIRS[b[from + i] & 0xff]);
            }
            return;
        }
        // One four-byte store per byte: its digits, the separator, and a byte the next store
        // overwrites (2.5 times as fast as a byte and a short: payloads are a quarter of -T json).
        int s = (sep & 0xff) << 16;
        int last = from + len - 1;
        int o = 0;
        for (int i = from; i < last; i++, o += 3) {
            INT_LE.set(out, o, HEX_PAIRS_LE[b[i] & 0xff] | s);
        }
        SHORT_BE.set(out, o, HEX_PAIRS[b[last] & 0xff]);
    }

    /**
     * Escapes a string as tshark 4.0's {@code -T fields} writes it: only {@code \b \f \n \r \t}
     * become C escapes; every other byte, control characters and backslashes included, is written
     * as it is (shared capture suricata-verify__smtp-errors.pcap, frames 6 and 11: {@code \x04} and
     * {@code \v} raw, a tab as {@code \t}; zeek__smtp.pcap: {@code Mail 8.2 \(2102\)}).
     */
    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case '\r': rep = "\\r"; break;
                case '\n': rep = "\\n"; break;
                case '\t': rep = "\\t"; break;
                case '\b': rep = "\\b"; break;
                case '\f': rep = "\\f"; break;
                default: rep = null;
            }
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
