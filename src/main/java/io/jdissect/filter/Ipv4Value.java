package io.jdissect.filter;

/** An IPv4 address with a CIDR prefix length (32 for a plain address), as filters compare them. */
record Ipv4Value(long address, int bits) {
    long mask(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    /** Orders two addresses on the bits of the shorter prefix, so {@code ip.src == 10.0.0.0/8} is "in subnet". */
    int compareTo(Ipv4Value o) {
        long m = mask(Math.min(bits, o.bits));
        return Long.compare(address & m, o.address & m);
    }

    byte[] bytes() {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    @Override
    public String toString() {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
