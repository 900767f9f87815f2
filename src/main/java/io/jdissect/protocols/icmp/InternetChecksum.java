package io.jdissect.protocols.icmp;

/** The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words. */
final class InternetChecksum {
    private InternetChecksum() {
    }

    /** 0 when the bytes, checksum field included, are intact. */
    static int of(byte[] b, int off, int len) {
        long sum = 0;
        int i = 0;
        for (; i + 1 < len; i += 2) {
            sum += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
        }
        if (i < len) {
            sum += (b[off + i] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /** The checksum the field at {@code fieldOffset} should hold. */
    static int expected(byte[] b, int off, int len, int fieldOffset) {
        byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len);
        copy[fieldOffset] = 0;
        copy[fieldOffset + 1] = 0;
        return of(copy, 0, len);
    }
}
