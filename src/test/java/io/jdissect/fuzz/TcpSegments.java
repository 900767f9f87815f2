package io.jdissect.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz input as the segments of one TCP connection (client 10.0.0.1:40000, server 10.0.0.2:25, so
 * SMTP asks for reassembly), on Ethernet/IPv4. The input starts with the two initial sequence
 * numbers (4 bytes each; the seeds put them just below 2^32 so the connection wraps around); then
 * per segment a control byte, a delta byte, a length byte and the payload. Control: bit 0 the
 * direction (server → client), bits 1-3 SYN, FIN, RST, bits 4-6 where the segment goes relative to
 * the next expected sequence number: in order, a retransmission of the previous segment, delta
 * bytes back (overlap), delta bytes ahead (gap), delta·256 bytes ahead, or delta bytes ahead of the
 * ISN. Payloads are what they are, so the SMTP state machine sees anything.
 */
final class TcpSegments {
    private static final byte[] CLIENT = {10, 0, 0, 1};
    private static final byte[] SERVER = {10, 0, 0, 2};
    private static final int MAX_SEGMENTS = 200;

    /** One built segment: its frame and its TCP payload. */
    record Segment(byte[] frame, byte[] payload) {
    }

    private TcpSegments() {
    }

    static List<Segment> build(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        long[] next = {in.remaining() >= 4 ? in.getInt() & 0xFFFFFFFFL : 0xFFFFFF00L,
            in.remaining() >= 4 ? in.getInt() & 0xFFFFFFFFL : 0xFFFFF000L};
        long[] isn = next.clone();
        long[] last = next.clone();
        List<Segment> out = new ArrayList<>();
        while (in.remaining() >= 3 && out.size() < MAX_SEGMENTS) {
            int control = in.get() & 0xFF;
            int delta = in.get() & 0xFF;
            int len = Math.min(in.get() & 0xFF, in.remaining());
            byte[] payload = new byte[len];
            in.get(payload);
            int dir = control & 1;
            boolean syn = (control & 2) != 0;
            boolean fin = (control & 4) != 0;
            boolean rst = (control & 8) != 0;
            long seq;
            switch ((control >> 4) & 7) {
                case 1: seq = last[dir]; break;
                case 2: seq = next[dir] - delta; break;
                case 3: seq = next[dir] + delta; break;
                case 4: seq = next[dir] + delta * 256L; break;
                case 5: seq = isn[dir] + delta; break;
                default: seq = next[dir]; break;
            }
            seq &= 0xFFFFFFFFL;
            long ack = next[1 - dir];
            out.add(new Segment(frame(dir, seq, ack, syn, fin, rst, payload), payload));
            last[dir] = seq;
            long end = (seq + len + (syn ? 1 : 0) + (fin ? 1 : 0)) & 0xFFFFFFFFL;
            if (((end - next[dir]) & 0xFFFFFFFFL) < 0x80000000L) {
                next[dir] = end;
            }
        }
        return out;
    }

    private static byte[] frame(int dir, long seq, long ack, boolean syn, boolean fin, boolean rst, byte[] payload) {
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
        f.put(new byte[] {0, 0, 0, 0, 0, (byte) (2 - dir), 0, 0, 0, 0, 0, (byte) (1 + dir)}).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(dir == 0 ? CLIENT : SERVER).put(dir == 0 ? SERVER : CLIENT);
        int flags = 0x10 | (syn ? 0x02 : 0) | (fin ? 0x01 : 0) | (rst ? 0x04 : 0) | (payload.length > 0 ? 0x08 : 0);
        f.putShort((short) (dir == 0 ? 40000 : 25)).putShort((short) (dir == 0 ? 25 : 40000))
                .putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 65535)
                .putShort((short) 0).putShort((short) 0).put(payload);
        return f.array();
    }
}
