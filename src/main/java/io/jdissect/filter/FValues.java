package io.jdissect.filter;

import io.jdissect.api.FieldType;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.filter.FilterNode.ArithmeticOp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Operations on filter values (Wireshark's fvalue functions): reading a tree item's value,
 * equality and order, {@code contains}, slicing to bytes, length, zero tests, arithmetic and
 * string conversion. Both sides of an operation always hold the same Java type, because the
 * compiler converts literals to the other side's field type.
 */
final class FValues {
    private FValues() {
    }

    /** The value of a tree item as filters see it; null for FT_NONE labels. */
    static Object of(TreeItem item, FieldType type) {
        switch (type) {
            case FT_BOOLEAN:
                return item.longValue() != 0 ? 1L : 0L;
            case FT_IPv4:
                return new Ipv4Value(item.longValue() & 0xffffffffL, 32);
            case FT_IPv6: {
                byte[] b = item.bytesValue();
                return new Ipv6Value(b != null ? b : item.itemBytes(), 128);
            }
            case FT_ETHER, FT_BYTES: {
                byte[] b = item.bytesValue();
                return b != null ? b : item.itemBytes();
            }
            case FT_PROTOCOL:
                return new ProtocolValue(item);
            case FT_STRING, FT_STRINGZ: {
                String s = item.stringValue();
                return s != null ? s : "";
            }
            case FT_FLOAT, FT_DOUBLE:
                return item.value() instanceof Number n ? n.doubleValue() : 0.0;
            case FT_ABSOLUTE_TIME, FT_RELATIVE_TIME:
                return item.value() instanceof Timestamp t ? t : Timestamp.ZERO;
            case FT_NONE:
                return null;
            default:
                return item.longValue();
        }
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof ProtocolValue || b instanceof ProtocolValue) {
            return Arrays.equals(toBytes(a), toBytes(b));
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        return compare(a, b) == 0;
    }

    /** Order of two values of one type: numbers, addresses, bytes (shorter first), strings, times. */
    static int compare(Object a, Object b) {
        if (a instanceof ProtocolValue || b instanceof ProtocolValue) {
            return compare(toBytes(a), toBytes(b));
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            if (x.length != y.length) {
                return x.length < y.length ? -1 : 1;
            }
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
        }
        if (a instanceof Ipv4Value x && b instanceof Ipv4Value y) {
            return x.compareTo(y);
        }
        if (a instanceof Ipv6Value x && b instanceof Ipv6Value y) {
            return x.compareTo(y);
        }
        if (a instanceof Timestamp x && b instanceof Timestamp y) {
            return x.compareTo(y);
        }
        if (a == null || b == null) {
            return a == b ? 0 : 1;
        }
        return toBytesCompare(a, b);
    }

    private static int toBytesCompare(Object a, Object b) {
        return Arrays.compareUnsigned(toBytes(a), toBytes(b));
    }

    static boolean contains(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.contains(y);
        }
        byte[] hay = a instanceof ProtocolValue p ? p.tvbBytes() : toBytes(a);
        return indexOf(hay, toBytes(b)) >= 0;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes a slice reads: strings as UTF-8, addresses in network order. */
    static byte[] toBytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof ProtocolValue p) {
            return p.itemBytes();
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof Ipv4Value a) {
            return a.bytes();
        }
        if (v instanceof Ipv6Value a) {
            return a.address();
        }
        return new byte[0];
    }

    /** The text {@code matches} runs on: one character per byte (strings as their UTF-8), as PCRE2 in tshark. */
    static CharSequence matchText(Object v) {
        byte[] b = v instanceof ProtocolValue p ? p.tvbBytes() : toBytes(v);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** fvalue_length: bytes of strings and byte strings, the width of fixed-size types. */
    static long length(Object v, FieldType type) {
        if (v instanceof byte[] || v instanceof ProtocolValue || v instanceof String || v instanceof Ipv4Value
                || v instanceof Ipv6Value) {
            return toBytes(v).length;
        }
        return type.width();
    }

    static boolean isZero(Object v) {
        if (v instanceof Long l) {
            return l == 0;
        }
        if (v instanceof Double d) {
            return d == 0.0;
        }
        if (v instanceof Timestamp t) {
            return t.toNanos() == 0;
        }
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof Ipv4Value a) {
            return a.address() == 0;
        }
        byte[] b = toBytes(v);
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** One arithmetic step; null when tshark's operation fails (overflow, division by zero). */
    static Object arithmetic(ArithmeticOp op, Object a, Object b) {
        if (op == ArithmeticOp.UNARY_MINUS) {
            if (a instanceof Long x) {
                return -x;
            }
            if (a instanceof Double x) {
                return -x;
            }
            if (a instanceof Timestamp t) {
                return Timestamp.ofNanos(-t.toNanos());
            }
            return null;
        }
        if (a instanceof Long x && b instanceof Long y) {
            try {
                return switch (op) {
                    case ADD -> Math.addExact(x, y);
                    case SUBTRACT -> Math.subtractExact(x, y);
                    case MULTIPLY -> Math.multiplyExact(x, y);
                    case DIVIDE -> y == 0 ? null : x / y;
                    case MODULO -> y == 0 ? null : x % y;
                    case BITWISE_AND -> x & y;
                    default -> null;
                };
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (a instanceof Double x && b instanceof Double y) {
            return switch (op) {
                case ADD -> x + y;
                case SUBTRACT -> x - y;
                case MULTIPLY -> x * y;
                case DIVIDE -> y == 0 ? null : x / y;
                default -> null;
            };
        }
        if (a instanceof Timestamp x && b instanceof Timestamp y) {
            return switch (op) {
                case ADD -> Timestamp.ofNanos(x.toNanos() + y.toNanos());
                case SUBTRACT -> Timestamp.ofNanos(x.toNanos() - y.toNanos());
                default -> null;
            };
        }
        if (op == ArithmeticOp.BITWISE_AND && a instanceof Ipv4Value x && b instanceof Ipv4Value y) {
            return new Ipv4Value(x.address() & y.address(), 32);
        }
        if (op == ArithmeticOp.BITWISE_AND) {
            byte[] x = toBytes(a);
            byte[] y = toBytes(b);
            byte[] r = new byte[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (byte) (x[i] & (i < y.length ? y[i] : 0));
            }
            return r;
        }
        return null;
    }

    /** string(): the value as a display filter would spell it. */
    static String toFilterString(Object v) {
        if (v instanceof byte[] b) {
            return HexFormat.ofDelimiter(":").formatHex(b);
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        return String.valueOf(v);
    }
}
