package io.jdissect.protocols;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The header fields that share bytes (the specs read the bytes whole and split them): every bit
 * set to something other than zero, which the shared captures mostly leave at zero. The values are
 * tshark 4.0.17's -T fields output for these same frames, written to a pcap (802.1Q TCI 0xb123: priority 5, DEI 1, ID 0x123;
 * IPv6 0x6b812345: version 6, traffic class 0xb8 = DSCP 46 + ECN 0, flow label 0x12345; IPv4 0x46,
 * 0xb9, 0x6010: version 4, IHL 6 words, DSCP 46, ECN 1, reserved and more-fragments set, offset 16;
 * TCP 0x7b12: data offset 7 words, flags 0xb12; IPv6 fragment 0x91a5: offset 0x1234, reserved bits
 * 2, more fragments; SNAP OUI 0x0a1b2c).
 */
class HeaderBitsTest {
    private static byte[] pcap(byte[]... frames) {
        ByteBuffer b = ByteBuffer.allocate(24 + frames.length * 16 + java.util.Arrays.stream(frames).mapToInt(f -> f.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (byte[] f : frames) {
            b.putInt(1_700_000_000).putInt(0).putInt(f.length).putInt(f.length).put(f);
        }
        return b.array();
    }

    private static byte[] bytes(int... v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int x : v) {
            out.write(x);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final byte[] MACS = bytes(0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6);

    private static Packet first(byte[] frame) throws Exception {
        try (PacketStream packets = JDissect.create().open(pcap(frame))) {
            return packets.next();
        }
    }

    /** Each field (abbreviation, then value) has that value in the packet. */
    private static void assertFields(Packet p, Object... abbrevsAndValues) {
        for (int i = 0; i < abbrevsAndValues.length; i += 2) {
            String abbrev = (String) abbrevsAndValues[i];
            assertEquals(((Number) abbrevsAndValues[i + 1]).longValue(), ((Number) p.first(abbrev).value()).longValue(), abbrev);
        }
    }

    @Test
    void vlanAndIpv6() throws Exception {
        byte[] ipv6 = concat(bytes(0x6b, 0x81, 0x23, 0x45, 0, 0, 59, 64), new byte[16], new byte[16]);
        Packet p = first(concat(MACS, bytes(0x81, 0x00, 0xb1, 0x23, 0x86, 0xdd), ipv6));
        assertFields(p,
                "vlan.priority", 5,
                "vlan.dei", 1,
                "vlan.id", 0x123,
                "ipv6.version", 6,
                "ipv6.tclass", 0xb8,
                "ipv6.tclass.dscp", 46,
                "ipv6.tclass.ecn", 0,
                "ipv6.flow", 0x12345);
    }

    /** A TCP segment (data offset 7 words, flags 0xb12) in IPv4 in Ethernet. */
    private static byte[] ipv4Tcp(int versionIhl, int tos, int flagsAndOffset, byte[] options, int dport) {
        byte[] tcp = concat(bytes(0x30, 0x39, 0, dport, 0, 0, 0, 1, 0, 0, 0, 0, 0x7b, 0x12, 0x10, 0, 0, 0, 0, 0),
                new byte[8]);
        byte[] ipv4 = concat(bytes(versionIhl, tos, 0, 20 + options.length + tcp.length, 0x12, 0x34,
                flagsAndOffset >> 8, flagsAndOffset & 0xff, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2), options, tcp);
        return concat(MACS, bytes(0x08, 0x00), ipv4);
    }

    @Test
    void ipv4() throws Exception {
        Packet p = first(ipv4Tcp(0x46, 0xb9, 0xa010, bytes(1, 1, 1, 1), 25));
        assertFields(p,
                "ip.version", 4,
                "ip.hdr_len", 24,
                "ip.dsfield.dscp", 46,
                "ip.dsfield.ecn", 1,
                "ip.flags.rb", 1,
                "ip.flags.df", 0,
                "ip.flags.mf", 1,
                "ip.frag_offset", 16);
    }

    @Test
    void tcpOffsetAndFlags() throws Exception {
        Packet p = first(ipv4Tcp(0x45, 0, 0x4000, new byte[0], 80));
        assertFields(p,
                "tcp.hdr_len", 28,
                "tcp.flags", 0xb12,
                "tcp.flags.ack", 1,
                "tcp.flags.syn", 1);
    }

    /** An IPv6 fragment header: offset 0x1234 (13 bits), the two reserved bits 10, M set. */
    @Test
    void ipv6Fragment() throws Exception {
        byte[] fragment = concat(bytes(17, 0x5a, 0x91, 0xa5, 0xde, 0xad, 0xbe, 0xef), new byte[8]);
        byte[] ipv6 = concat(bytes(0x60, 0, 0, 0, 0, fragment.length, 44, 64), new byte[16], new byte[15], bytes(1), fragment);
        Packet p = first(concat(MACS, bytes(0x86, 0xdd), ipv6));
        assertFields(p,
                "ipv6.fraghdr.nxt", 17,
                "ipv6.fraghdr.reserved_octet", 0x5a,
                "ipv6.fraghdr.offset", 4660,
                "ipv6.fraghdr.reserved_bits", 2,
                "ipv6.fraghdr.more", 1,
                "ipv6.fraghdr.ident", 0xdeadbeefL);
    }

    /** An 802.3 frame with LLC and SNAP: the 24-bit OUI 0a:1b:2c, PID 0x1234. */
    @Test
    void snapOui() throws Exception {
        byte[] llc = concat(bytes(0xaa, 0xaa, 0x03, 0x0a, 0x1b, 0x2c, 0x12, 0x34), "payload!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Packet p = first(concat(MACS, bytes(0, llc.length), llc));
        assertFields(p,
                "llc.oui", 662316,
                "llc.pid", 0x1234);
    }
}
