package io.jdissect.filter;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv6 address with a prefix length (128 for a plain address), as filters compare them. */
record Ipv6Value(byte[] address, int prefix) {
    /** Orders two addresses on the bits of the shorter prefix. */
    int compareTo(Ipv6Value o) {
        int bits = Math.min(prefix, o.prefix);
        for (int i = 0; i < 16 && bits > 0; i++, bits -= 8) {
            int m = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            int a = address[i] & m;
            int b = o.address[i] & m;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    /** RFC 5952 text, as tshark prints IPv6 addresses. */
    @Override
    public String toString() {
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (group(i) == 0) {
                int j = i;
                while (j < 8 && group(j) == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && group(5) == 0xffff))) {
            try {
                String v4 = InetAddress.getByAddress(java.util.Arrays.copyOfRange(address, 12, 16)).getHostAddress();
                return bestLen == 6 ? "::" + v4 : "::ffff:" + v4;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(Integer.toHexString(group(i)));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private int group(int i) {
        return ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }

    /** Parses any RFC 4291 text form (no host names), or returns null. */
    static byte[] parse(String s) {
        if (s.isEmpty() || !s.contains(":") || !s.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet6Address) {
                return a.getAddress();
            }
            // Java maps "::ffff:a.b.c.d" to an Inet4Address; rebuild the IPv4-mapped form.
            byte[] out = new byte[16];
            out[10] = (byte) 0xff;
            out[11] = (byte) 0xff;
            System.arraycopy(a.getAddress(), 0, out, 12, 4);
            return out;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
