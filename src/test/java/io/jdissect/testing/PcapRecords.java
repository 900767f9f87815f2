package io.jdissect.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Records of a little-endian microsecond pcap of Ethernet / IPv4 / TCP, for captures tests make on the fly. */
final class PcapRecords {
    private PcapRecords() {
    }

    /** The file header: version 2.4, snap length 256 KiB, Ethernet. */
    static ByteBuffer fileHeader() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(1).flip();
        return header;
    }

    /**
     * One TCP segment at {@code micros} after 1,700,000,000 s, from the client (MAC ending in 2) or
     * the server (ending in 1); the ACK number only when the flags carry ACK.
     */
    static ByteBuffer segment(long micros, boolean fromClient, byte[] srcIp, byte[] dstIp, int srcPort, int dstPort,
                              long seq, long ack, int flags, byte[] data) {
        int frameLen = 14 + 20 + 20 + data.length;
        ByteBuffer r = ByteBuffer.allocate(16 + frameLen);
        r.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (1_700_000_000L + micros / 1_000_000))
                .putInt((int) (micros % 1_000_000)).putInt(frameLen).putInt(frameLen);
        r.order(ByteOrder.BIG_ENDIAN);
        r.put(new byte[] {0, 0, 0, 0, 0, (byte) (fromClient ? 2 : 1), 0, 0, 0, 0, 0, (byte) (fromClient ? 1 : 2)});
        r.putShort((short) 0x0800);
        r.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 20 + data.length)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(srcIp).put(dstIp);
        r.putShort((short) srcPort).putShort((short) dstPort)
                .putInt((int) seq).putInt((flags & 0x10) != 0 ? (int) ack : 0).put((byte) 0x50).put((byte) flags)
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        r.put(data);
        r.flip();
        return r;
    }
}
