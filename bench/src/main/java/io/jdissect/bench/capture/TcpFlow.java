package io.jdissect.bench.capture;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One TCP connection as a queue of segments still to be sent, emitted one at a time so that the
 * scheduler can interleave connections. Sequence and acknowledgement numbers are those of a clean
 * Linux-like exchange: three-way handshake with MSS, SACK-permitted, timestamps and window scale;
 * every segment acknowledges all the peer has sent; bulk data is segmented at the MSS and the
 * receiver sends a pure ACK every second full segment (RFC 1122 4.2.3.2), so tshark's analysis
 * finds nothing to flag (no duplicate ACKs, no window full, no unseen segments).
 */
final class TcpFlow {
    /** 1460 minus the 12 bytes of the timestamp option carried by every segment after the SYNs. */
    static final int MSS = 1448;
    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int WINDOW = 502;
    private static final int SYN_WINDOW = 64240;
    private static final int WINDOW_SHIFT = 7;

    private record Segment(boolean fromClient, int flags, byte[] data, int offset, int length) {
    }

    final Host client;
    final Host server;
    final int clientPort;
    final int serverPort;
    private final Deque<Segment> pending = new ArrayDeque<>();
    private final byte[] options = new byte[20];
    private long clientNext;
    private long serverNext;
    private long clientTsVal;
    private long serverTsVal;
    private long queuedPayload;

    TcpFlow(Host client, int clientPort, Host server, int serverPort, long clientIsn, long serverIsn) {
        this.client = client;
        this.clientPort = clientPort;
        this.server = server;
        this.serverPort = serverPort;
        this.clientNext = clientIsn;
        this.serverNext = serverIsn;
    }

    /** Application bytes queued so far, in both directions. */
    long queuedPayload() {
        return queuedPayload;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** SYN, SYN/ACK, ACK. */
    void open() {
        pending.add(new Segment(true, SYN, null, 0, 0));
        pending.add(new Segment(false, SYN | ACK, null, 0, 0));
        pending.add(new Segment(true, ACK, null, 0, 0));
    }

    /**
     * One application write: segments of at most {@link #MSS} bytes, PSH on the last, and a pure ACK
     * from the receiver after every second full segment that is not the last.
     */
    void send(boolean fromClient, byte[] data) {
        queuedPayload += data.length;
        int segments = 0;
        for (int offset = 0; offset < data.length; offset += MSS) {
            int length = Math.min(MSS, data.length - offset);
            boolean last = offset + length == data.length;
            pending.add(new Segment(fromClient, last ? ACK | PSH : ACK, data, offset, length));
            if (++segments % 2 == 0 && !last) {
                pending.add(new Segment(!fromClient, ACK, null, 0, 0));
            }
        }
    }

    /** FIN/ACK from the side that closes, FIN/ACK from the other, the last ACK. */
    void close(boolean clientFirst) {
        pending.add(new Segment(clientFirst, FIN | ACK, null, 0, 0));
        pending.add(new Segment(!clientFirst, FIN | ACK, null, 0, 0));
        pending.add(new Segment(clientFirst, ACK, null, 0, 0));
    }

    /** Writes the next queued segment at {@code micros}; returns its size on the wire. */
    int emitNext(PcapFile out, long micros) throws IOException {
        Segment s = pending.remove();
        boolean syn = (s.flags & SYN) != 0;
        long tsVal = ((s.fromClient ? client : server).tsOffset + micros / 1000) & 0xffffffffL;
        long tsEcr = s.fromClient ? serverTsVal : clientTsVal;
        int optionsLength = syn ? synOptions(tsVal, tsEcr) : timestampOptions(tsVal, tsEcr);
        long seq = s.fromClient ? clientNext : serverNext;
        long ack = (s.flags & ACK) != 0 ? (s.fromClient ? serverNext : clientNext) : 0;
        int window = syn ? SYN_WINDOW : WINDOW;
        long advance = s.length + (syn ? 1 : 0) + ((s.flags & FIN) != 0 ? 1 : 0);
        if (s.fromClient) {
            out.tcp(micros, client, clientPort, server, serverPort, seq, ack, s.flags, window, options, optionsLength,
                    s.data, s.offset, s.length);
            clientNext += advance;
            clientTsVal = tsVal;
        } else {
            out.tcp(micros, server, serverPort, client, clientPort, seq, ack, s.flags, window, options, optionsLength,
                    s.data, s.offset, s.length);
            serverNext += advance;
            serverTsVal = tsVal;
        }
        return 14 + 20 + 20 + optionsLength + s.length;
    }

    /** MSS 1460, SACK permitted, timestamps, NOP, window scale: the order Linux sends. */
    private int synOptions(long tsVal, long tsEcr) {
        byte[] o = options;
        o[0] = 2;
        o[1] = 4;
        PcapFile.putBe16(o, 2, 1460);
        o[4] = 4;
        o[5] = 2;
        o[6] = 8;
        o[7] = 10;
        PcapFile.putBe32(o, 8, (int) tsVal);
        PcapFile.putBe32(o, 12, (int) tsEcr);
        o[16] = 1;
        o[17] = 3;
        o[18] = 3;
        o[19] = WINDOW_SHIFT;
        return 20;
    }

    private int timestampOptions(long tsVal, long tsEcr) {
        byte[] o = options;
        o[0] = 1;
        o[1] = 1;
        o[2] = 8;
        o[3] = 10;
        PcapFile.putBe32(o, 4, (int) tsVal);
        PcapFile.putBe32(o, 8, (int) tsEcr);
        return 12;
    }
}
