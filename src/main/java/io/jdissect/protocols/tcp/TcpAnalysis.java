package io.jdissect.protocols.tcp;

import io.jdissect.api.Timestamp;

/**
 * The sequence analysis verdict for one segment (packet-tcp.c's tcp_acked): which earlier segment
 * it acknowledges, the analysis flags, bytes in flight and duplicate ACK numbering. {@link #present}
 * tells whether tshark would have created the record, which decides if "SEQ/ACK analysis" is shown.
 */
final class TcpAnalysis {
    static final int RETRANSMISSION = 0x0001;
    static final int LOST_PACKET = 0x0002;
    static final int ACK_LOST_PACKET = 0x0004;
    static final int KEEP_ALIVE = 0x0008;
    static final int DUPLICATE_ACK = 0x0010;
    static final int ZERO_WINDOW = 0x0020;
    static final int ZERO_WINDOW_PROBE = 0x0040;
    static final int ZERO_WINDOW_PROBE_ACK = 0x0080;
    static final int KEEP_ALIVE_ACK = 0x0100;
    static final int OUT_OF_ORDER = 0x0200;
    static final int FAST_RETRANSMISSION = 0x0400;
    static final int WINDOW_UPDATE = 0x0800;
    static final int WINDOW_FULL = 0x1000;
    static final int REUSED_PORTS = 0x2000;
    static final int SPURIOUS_RETRANSMISSION = 0x4000;

    boolean present;
    int flags;
    long frameAcked;
    /** When the acknowledged segment was sent and when this ACK came: their difference only if it is shown. */
    Timestamp ackedSent;
    Timestamp ackedAt;
    long bytesInFlight;
    long pushBytesSent;
    int dupAckNum;
    long dupAckFrame;
    Timestamp rto = Timestamp.ZERO;
    long rtoFrame;

    /** tcp.analysis.ack_rtt: zero when this segment acknowledges none. */
    Timestamp ackRtt() {
        return ackedSent == null ? Timestamp.ZERO : ackedAt.minus(ackedSent);
    }

    /** Marks the record as created (tcp_analyze_get_acked_struct with createflag) and returns it. */
    TcpAnalysis touch() {
        present = true;
        return this;
    }

    void flag(int f) {
        present = true;
        flags |= f;
    }

    boolean has(int f) {
        return (flags & f) != 0;
    }
}
