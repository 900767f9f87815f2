package io.jdissect.protocols.ip;

/**
 * The bit picture tshark prints before a bit field ({@code "0100 .... "}), for the lines a
 * dissector writes itself because the field has no bitmask in {@code -G fields}
 * (proto_tree_add_bits_item in Wireshark).
 */
public final class BitPattern {
    private BitPattern() {
    }

    /** {@code raw} is the whole {@code bits}-wide value; only the bits of {@code mask} are shown. */
    public static String of(long raw, long mask, int bits) {
        StringBuilder sb = new StringBuilder(bits + bits / 4 + 3);
        for (int i = bits - 1; i >= 0; i--) {
            long bit = 1L << i;
            sb.append((mask & bit) == 0 ? '.' : (raw & bit) != 0 ? '1' : '0');
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
        }
        return sb.append(" = ").toString();
    }
}
