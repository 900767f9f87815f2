package io.jdissect.protocols.tcp;

import io.jdissect.api.Address;
import io.jdissect.api.Conversation;
import io.jdissect.api.Timestamp;

import java.util.Arrays;

/**
 * One TCP connection (packet-tcp.c's tcp_analysis): its stream index, the two directions, the
 * server port learnt from the handshake, completeness, timestamps and the {@link Conversation}
 * application dissectors keep their state in. Direction 0 is the one of the first packet seen.
 */
final class TcpStream {
    // Conversation completeness bits (tcp.completeness), as tshark 4.0.
    static final int SYN_SENT = 1;
    static final int SYN_ACK = 2;
    static final int ACK = 4;
    static final int DATA = 8;
    static final int FIN = 16;
    static final int RST = 32;

    final int index;
    final Address addr0;
    final int port0;
    final TcpFlow[] flows = {new TcpFlow(), new TcpFlow()};
    final Conversation conversation;
    int serverPort;
    int completeness;
    /** What tshark's second pass adds to the final completeness from this stream's first segment. */
    int secondPassBits;
    Timestamp firstTime;
    Timestamp prevTime;
    /** Time of the most recent SYN (ts_mru_syn) and the handshake RTT once known (ts_first_rtt). */
    Timestamp mruSyn;
    Timestamp firstRtt = Timestamp.ZERO;
    /** The frame that started this stream on ports an earlier stream used, 0 if none. */
    long reusedPortsFrame;
    /** The time tcp.time_delta of the segment being dissected counts from: the stream's previous segment. */
    Timestamp deltaFrom;
    /** Evicted by {@link TcpStreamTable}'s cap and seen again: its state starts over (said once). */
    boolean restored;

    TcpStream(int index, Address src, int srcPort) {
        this.index = index;
        this.addr0 = src;
        this.port0 = srcPort;
        this.conversation = new Conversation(index);
    }

    /** 0 if the packet goes the way the first one did, else 1. */
    int direction(Address src, int srcPort) {
        return srcPort == port0 && Arrays.equals(src.bytes(), addr0.bytes()) ? 0 : 1;
    }
}
