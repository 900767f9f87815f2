package io.jdissect.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A network or link address as the Source and Destination columns and conversations use it.
 */
public record Address(Type type, byte[] bytes) {
    /** The kind of address, which decides how it is shown. */
    public enum Type { NONE, ETHER, IPv4, IPv6 }

    public static final Address NONE = new Address(Type.NONE, new byte[0]);

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.type == type && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    /** The text tshark shows with name resolution off (colon MAC, dotted quad, RFC 5952 IPv6). */
    @Override
    public String toString() {
        switch (type) {
            case ETHER:
                return FormatUtil.ether(bytes);
            case IPv4:
            case IPv6:
                return FormatUtil.ip(bytes);
            default:
                return "";
        }
    }

    /** Helpers shared by writers and dissectors for address text. */
    public static final class FormatUtil {
        private FormatUtil() {
        }

        public static String ether(byte[] b) {
            StringBuilder sb = new StringBuilder(17);
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
            }
            return sb.toString();
        }

        public static String ipv4(long addr) {
            return ((addr >> 24) & 0xff) + "." + ((addr >> 16) & 0xff) + "." + ((addr >> 8) & 0xff) + "." + (addr & 0xff);
        }

        /** IPv4 dotted quad or IPv6 in RFC 5952 form (as Wireshark prints it). */
        public static String ip(byte[] b) {
            if (b.length == 4) {
                return ipv4(((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff));
            }
            return ipv6(b);
        }

        public static String ipv6(byte[] b) {
            int[] w = new int[8];
            for (int i = 0; i < 8; i++) {
                w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
            }
            // longest run of zero words (length >= 2) becomes "::" (RFC 5952 4.2)
            int bestStart = -1, bestLen = 0;
            for (int i = 0; i < 8; ) {
                if (w[i] == 0) {
                    int j = i;
                    while (j < 8 && w[j] == 0) {
                        j++;
                    }
                    if (j - i > bestLen && j - i >= 2) {
                        bestStart = i;
                        bestLen = j - i;
                    }
                    i = j;
                } else {
                    i++;
                }
            }
            // IPv4-mapped and -compatible forms keep the dotted quad, as inet_ntop does
            boolean mapped = bestStart == 0 && bestLen == 5 && w[5] == 0xffff;
            boolean compat = bestStart == 0 && bestLen == 6 && (w[6] != 0 || w[7] > 1);
            if (mapped || compat) {
                String v4 = ipv4(((long) w[6] << 16) | w[7]);
                return mapped ? "::ffff:" + v4 : "::" + v4;
            }
            StringBuilder sb = new StringBuilder(39);
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    sb.append("::");
                    i += bestLen - 1;
                    continue;
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(w[i]));
            }
            return sb.toString();
        }

        /** Parses an IP literal without name resolution; null if it is not one. */
        public static byte[] parseIp(String text) {
            if (text.isEmpty() || !(Character.digit(text.charAt(0), 16) >= 0 || text.charAt(0) == ':')) {
                return null;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return null;
                }
            }
            try {
                return InetAddress.getByName(text).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
