package io.jdissect.output;

import io.jdissect.api.Address;
import io.jdissect.api.Base;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;


/**
 * The display line of a tree item as tshark's {@code -V} prints it (Wireshark's
 * proto_item_fill_label): the dissector's own text when it set one, otherwise {@code Name: value}
 * with the value in the field's display form — value strings as {@code Label (value)}, booleans
 * with their true/false strings, bitmask fields prefixed with their bits ({@code 0100 .... =}),
 * strings escaped. Also the JSON key of text-only items and the EK {@code text} values.
 */
public final class TreeLabels {
    /** Wireshark's ITEM_LABEL_LENGTH: labels are kept in 240-byte buffers, NUL included. */
    private static final int LABEL_BUFFER = 240;
    private static final int MAX_BYTES_SHOWN = 36;
    private static final String TRUNCATED = " [truncated]";

    private TreeLabels() {
    }

    /** The line {@code -V} prints for the item: its label, in brackets when it is generated. */
    public static String displayLine(TreeItem item) {
        String label = label(item);
        return item.isGenerated() ? "[" + label + "]" : label;
    }

    /**
     * The item's label, without the brackets of generated items. Labels live in 240-byte buffers:
     * a text set by the dissector that does not fit is marked at its start
     * ({@code " [truncated]CRAB…"}, proto_tree_set_representation), appended text is just cut.
     */
    public static String label(TreeItem item) {
        String base;
        if (item.text() != null) {
            String text = item.text();
            base = fits(text, LABEL_BUFFER - 1) ? text : cutUtf8(TRUNCATED + text, LABEL_BUFFER - 2);
        } else {
            base = fill(item);
        }
        if (item.suffix() != null) {
            base = cutUtf8(base + item.suffix(), LABEL_BUFFER - 1);
        }
        return base;
    }

    /** The generic {@code Name: value} label of a field item (no text set by the dissector). */
    static String fill(TreeItem item) {
        FieldDef def = item.def();
        if (def == null) {
            return "";
        }
        switch (def.type()) {
            case FT_NONE:
            case FT_PROTOCOL:
                return def.name();
            case FT_BOOLEAN:
                return bitPrefix(def, item.longValue()) + nameValue(def, booleanText(def, item.longValue()));
            default:
                break;
        }
        if (def.type().isInteger()) {
            return bitPrefix(def, item.longValue()) + nameValue(def, integerText(def, item.longValue()));
        }
        return nameValue(def, valueText(item));
    }

    /** The value part of a non-integer field's label. */
    private static String valueText(TreeItem item) {
        FieldDef def = item.def();
        Object v = item.value();
        switch (def.type()) {
            case FT_IPv4:
                return Address.FormatUtil.ipv4(item.longValue());
            case FT_IPv6:
                return v == null ? "" : Address.FormatUtil.ipv6((byte[]) v);
            case FT_ETHER:
                return v == null ? "" : Address.FormatUtil.ether((byte[]) v);
            case FT_STRING:
            case FT_STRINGZ:
                return v == null ? "" : formatText((String) v);
            case FT_BYTES:
                return bytesText(item.bytesValue());
            case FT_ABSOLUTE_TIME:
                return v == null ? "" : FieldFormat.absoluteTime((Timestamp) v);
            case FT_RELATIVE_TIME:
                return v == null ? "" : ((Timestamp) v).toSecondsString() + " seconds";
            case FT_FLOAT:
            case FT_DOUBLE:
                return v == null ? "" : FieldFormat.doubleText(((Number) v).doubleValue());
            default:
                return v == null ? "" : v.toString();
        }
    }

    /**
     * {@code Name: value}; when that does not fit in a label, tshark marks the name
     * {@code Name [truncated]: value} and cuts the line (label_mark_truncated).
     */
    private static String nameValue(FieldDef def, String value) {
        String label = def.name() + ": " + value;
        if (fits(label, LABEL_BUFFER - 1)) {
            return label;
        }
        return cutUtf8(def.name() + TRUNCATED + ": " + value, LABEL_BUFFER - 2);
    }

    private static String booleanText(FieldDef def, long v) {
        FieldDef.ValueStrings vs = def.values();
        if (vs != null && vs.trueLabel() != null) {
            return v != 0 ? vs.trueLabel() : vs.falseLabel();
        }
        return v != 0 ? "True" : "False";
    }

    /** An integer with its value string ({@code IPv4 (0x0800)}) or in its base ({@code 0x151d (5405)}). */
    static String integerText(FieldDef def, long v) {
        if (def.type() == FieldType.FT_FRAMENUM) {
            return Long.toUnsignedString(v);
        }
        FieldDef.ValueStrings vs = def.values();
        if (vs != null) {
            String label = vs.label(v);
            if (label == null) {
                label = "Unknown";
            }
            if (def.base() == Base.NONE) {
                return label;
            }
            Base b = def.base() == Base.BASE_DEC_HEX ? Base.BASE_DEC
                    : def.base() == Base.BASE_HEX_DEC ? Base.BASE_HEX : def.base();
            return label + " (" + number(def, b, v) + ")";
        }
        switch (def.base()) {
            case BASE_DEC_HEX:
                return number(def, Base.BASE_DEC, v) + " (" + number(def, Base.BASE_HEX, v) + ")";
            case BASE_HEX_DEC:
                return number(def, Base.BASE_HEX, v) + " (" + number(def, Base.BASE_DEC, v) + ")";
            default:
                return number(def, def.base(), v);
        }
    }

    private static String number(FieldDef def, Base base, long v) {
        switch (base) {
            case BASE_HEX:
                return FieldFormat.hex(v, FieldFormat.hexDigits(def));
            case BASE_OCT:
                return v == 0 ? "0" : "0" + Long.toOctalString(v);
            default:
                return def.type().isSigned() ? Long.toString(v) : Long.toUnsignedString(v);
        }
    }

    /**
     * The bits of a bitmask field followed by {@code " = "}: one character per bit of the
     * containing integer, the field's bits as 0/1, the others as dots, a space every four
     * ({@code .... ..1. = }). Empty for fields without a mask.
     */
    static String bitPrefix(FieldDef def, long shiftedValue) {
        long mask = def.bitmask();
        if (mask == 0) {
            return "";
        }
        int width = containerBits(def);
        long raw = shiftedValue << def.bitShift();
        StringBuilder sb = new StringBuilder(width + width / 4 + 3);
        for (int bit = width - 1; bit >= 0; bit--) {
            long m = 1L << bit;
            sb.append((mask & m) == 0 ? '.' : (raw & m) != 0 ? '1' : '0');
            if (bit % 4 == 0 && bit != 0) {
                sb.append(' ');
            }
        }
        return sb.append(" = ").toString();
    }

    /** Width of the integer a mask applies to: the declared bits for booleans, else the type's. */
    private static int containerBits(FieldDef def) {
        int bits = def.type() == FieldType.FT_BOOLEAN ? def.booleanBits() : def.type().width() * 8;
        if (bits <= 0) {
            bits = 64 - Long.numberOfLeadingZeros(def.bitmask());
            bits = (bits + 7) / 8 * 8;
        }
        return bits;
    }

    /** Bytes as contiguous hex, at most 36 of them and then an ellipsis, as tshark's labels show. */
    static String bytesText(byte[] b) {
        if (b == null || b.length == 0) {
            return "<MISSING>";
        }
        if (b.length <= MAX_BYTES_SHOWN) {
            return FieldFormat.hex(b, (char) 0);
        }
        byte[] head = java.util.Arrays.copyOf(b, MAX_BYTES_SHOWN);
        return FieldFormat.hex(head, (char) 0) + "\u2026";
    }

    /**
     * Wireshark's format_text for labels: C escapes for control characters ({@code \r}, {@code \n},
     * {@code \t}…), other control bytes as three-digit octal ({@code \004}); a backslash stays as is.
     */
    public static String formatText(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                case 0x07 -> "\\a";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case 0x0b -> "\\v";
                default -> c < 0x20 || c == 0x7f ? String.format("\\%03o", (int) c) : null;
            };
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

    /** Whether {@code s} has at most {@code maxBytes} bytes in UTF-8; short strings are not counted. */
    private static boolean fits(String s, int maxBytes) {
        return s.length() * 3 <= maxBytes || utf8Length(s) <= maxBytes; // a character is at most 3 bytes, a pair 4
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** {@code s} cut to at most {@code maxBytes} bytes of UTF-8, never inside a character. */
    static String cutUtf8(String s, int maxBytes) {
        if (fits(s, maxBytes)) {
            return s;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int len = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : 3;
            if (n + len > maxBytes) {
                return s.substring(0, i);
            }
            n += len;
            if (len == 4) {
                i++;
            }
        }
        return s;
    }

}
