package io.jdissect.testing;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;

/**
 * A little-endian microsecond pcap of Ethernet / IPv4 / TCP made on the fly as it is read: the file
 * never exists in memory, so a test can feed jdissect captures of any size. Subclasses queue the
 * next records ({@link #add}) when asked ({@link #more}).
 */
abstract class GeneratedPcap extends InputStream {
    private final ArrayDeque<ByteBuffer> records = new ArrayDeque<>();
    private ByteBuffer current = fileHeader();

    /** Queues the next records with {@link #add}; false when the capture ends. */
    protected abstract boolean more();

    protected final void add(ByteBuffer record) {
        records.add(record);
    }

    @Override
    public final int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] b, int off, int len) {
        while (!current.hasRemaining()) {
            if (!records.isEmpty()) {
                current = records.poll();
            } else if (!more()) {
                return -1;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    /** The file header: version 2.4, snap length 256 KiB, Ethernet. */
    private static ByteBuffer fileHeader() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(1).flip();
        return header;
    }

    /**
     * One TCP segment at {@code micros} after 1,700,000,000 s, from the client (MAC ending in 2) or
     * the server (ending in 1); the ACK number only when the flags carry ACK.
     */
    protected static ByteBuffer segment(long micros, boolean fromClient, byte[] srcIp, byte[] dstIp, int srcPort,
                                        int dstPort, long seq, long ack, int flags, byte[] data) {
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
