package io.jdissect.protocols.tcp;

import io.jdissect.api.Timestamp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What TCP remembers about one direction of a connection (packet-tcp.c's tcp_flow_t): the
 * initial sequence number, the window scale, and the sequence analysis state. Sequence numbers
 * are raw 32-bit values compared modulo 2^32 ({@link Seq}).
 */
final class TcpFlow {
    /** tshark keeps at most this many unacknowledged segments per direction (TCP_MAX_UNACKED_SEGMENTS). */
    static final int MAX_UNACKED_SEGMENTS = 10000;

    /** One segment sent and not yet acknowledged (tcp_unacked_t). */
    static final class Unacked {
        final long frame;
        long seq;
        final long nextseq;
        final Timestamp ts;

        Unacked(long frame, long seq, long nextseq, Timestamp ts) {
            this.frame = frame;
            this.seq = seq;
            this.nextseq = nextseq;
            this.ts = ts;
        }
    }

    boolean baseSeqSet;
    long baseSeq;
    /** -1 unknown, -2 no scaling, else the shift. */
    int winScale = -1;
    /** The last window value sent in this direction, unscaled. */
    long window;
    /** Bytes in flight are computed until a segment is seen missing, then again after an ACK. */
    boolean validBif = true;
    /** SACK blocks of the last SACK option sent in this direction (tshark keeps at most 3). */
    static final int MAX_SACK_RANGES = 3;
    final long[] sackLeft = new long[MAX_SACK_RANGES];
    final long[] sackRight = new long[MAX_SACK_RANGES];
    int sackRanges;
    /** This side sent a FIN before the other side had started closing (tshark's closing_initiator). */
    boolean closingInitiator;
    long pushBytesSent;
    boolean pushSetLast;
    /** TcpAnalysis flags of the last segment sent in this direction. */
    int lastSegmentFlags;

    // tcp_analyze_seq_info_t
    long nextseq;
    long nextseqFrame;
    Timestamp nextseqTime = Timestamp.ZERO;
    long maxSeqToBeAcked;
    long lastAck;
    Timestamp lastAckTime = Timestamp.ZERO;
    long lastNonDupAck;
    /** Duplicate ACKs counted since the ACK number last changed, or {@link #UNSEEN_ACKED}. */
    int dupAckNum;
    /**
     * tshark's dupacknum after the other side acknowledged a segment this side was not seen to send
     * and had nothing newer: (guint32) -1, which no longer counts as zero duplicates.
     */
    static final int UNSEEN_ACKED = -1;
    /** Unacked segments, newest first (packet-tcp.c adds to the head of its list). */
    final Deque<Unacked> segments = new ArrayDeque<>();

    /** Reassembly of this direction's PDUs. */
    final TcpReassembly.FlowState reassembly = new TcpReassembly.FlowState();

    /** Frees what only later segments of a live connection would need (after FIN/RST). */
    void release() {
        segments.clear();
        reassembly.clear();
    }
}
