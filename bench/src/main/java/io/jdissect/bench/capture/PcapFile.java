package io.jdissect.bench.capture;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes Ethernet / IPv4 / TCP frames as classic little-endian microsecond pcap records (linktype 1),
 * with correct IPv4 header and TCP checksums, so that every layer validates.
 */
final class PcapFile {
    private static final int SNAPLEN = 262144;
    private static final int ETH_IP_LEN = 14 + 20;

    private final OutputStream out;
    private final byte[] record = new byte[16 + ETH_IP_LEN + 60 + 65535];
    private long bytes;
    private long packets;

    PcapFile(OutputStream out) throws IOException {
        this.out = out;
        byte[] header = new byte[24];
        putLe32(header, 0, 0xa1b2c3d4);
        putLe16(header, 4, 2);
        putLe16(header, 6, 4);
        putLe32(header, 16, SNAPLEN);
        putLe32(header, 20, 1);
        out.write(header);
        bytes = header.length;
    }

    long bytes() {
        return bytes;
    }

    long packets() {
        return packets;
    }

    /** One TCP segment; {@code options} is a whole number of 32-bit words. */
    void tcp(long micros, Host src, int srcPort, Host dst, int dstPort, long seq, long ack, int flags, int window,
            byte[] options, int optionsLength, byte[] data, int offset, int length) throws IOException {
        int tcpHeader = 20 + optionsLength;
        int frameLength = ETH_IP_LEN + tcpHeader + length;
        byte[] r = record;
        putLe32(r, 0, (int) (micros / 1_000_000));
        putLe32(r, 4, (int) (micros % 1_000_000));
        putLe32(r, 8, frameLength);
        putLe32(r, 12, frameLength);
        int e = 16;
        System.arraycopy(dst.mac, 0, r, e, 6);
        System.arraycopy(src.mac, 0, r, e + 6, 6);
        putBe16(r, e + 12, 0x0800);
        int ip = e + 14;
        r[ip] = 0x45;
        r[ip + 1] = 0;
        putBe16(r, ip + 2, 20 + tcpHeader + length);
        putBe16(r, ip + 4, src.nextIpId());
        putBe16(r, ip + 6, 0x4000);
        r[ip + 8] = (byte) src.ttl;
        r[ip + 9] = 6;
        putBe16(r, ip + 10, 0);
        System.arraycopy(src.ip, 0, r, ip + 12, 4);
        System.arraycopy(dst.ip, 0, r, ip + 16, 4);
        putBe16(r, ip + 10, ~fold(sum(r, ip, 20, 0)) & 0xffff);
        int t = ip + 20;
        putBe16(r, t, srcPort);
        putBe16(r, t + 2, dstPort);
        putBe32(r, t + 4, (int) seq);
        putBe32(r, t + 8, (int) ack);
        r[t + 12] = (byte) ((tcpHeader / 4) << 4);
        r[t + 13] = (byte) flags;
        putBe16(r, t + 14, window);
        putBe16(r, t + 16, 0);
        putBe16(r, t + 18, 0);
        System.arraycopy(options, 0, r, t + 20, optionsLength);
        if (length > 0) {
            System.arraycopy(data, offset, r, t + tcpHeader, length);
        }
        // RFC 793 pseudo-header: source, destination, zero, protocol, TCP length.
        long pseudo = sum(r, ip + 12, 8, 0) + 6 + tcpHeader + length;
        putBe16(r, t + 16, ~fold(sum(r, t, tcpHeader + length, pseudo)) & 0xffff);
        out.write(r, 0, 16 + frameLength);
        bytes += 16 + frameLength;
        packets++;
    }

    void flush() throws IOException {
        out.flush();
    }

    private static long sum(byte[] b, int offset, int length, long start) {
        long s = start;
        int end = offset + length - 1;
        int i = offset;
        for (; i < end; i += 2) {
            s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i == end) {
            s += (b[i] & 0xff) << 8;
        }
        return s;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    private static void putLe32(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
        b[o + 3] = (byte) (v >>> 24);
    }

    private static void putLe16(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
    }

    static void putBe32(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }

    static void putBe16(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 8);
        b[o + 1] = (byte) v;
    }
}
