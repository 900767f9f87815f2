package io.jdissect.protocols.tcp;

/**
 * What TCP tells the application dissector it calls (packet-tcp.h's tcpinfo), found with
 * {@code pinfo.get(TcpInfo.class)}: the stream index, the server port learnt from the handshake
 * (0 if the SYN was not seen), the relative sequence number of the first byte of the tvb being
 * dissected, and whether that tvb is reassembled from several segments.
 *
 * @param stream       tcp.stream
 * @param serverPort   the port the SYN went to (or the SYN/ACK came from), 0 if unknown
 * @param seq          relative sequence number of the tvb's first byte
 * @param nxtseq       relative sequence number after this segment
 * @param ack          relative acknowledgment number of this segment
 * @param flags        the TCP header flags (0x002 SYN, 0x010 ACK, …)
 * @param reassembled  true when the tvb is a "Reassembled TCP" one
 */
public record TcpInfo(int stream, int serverPort, long seq, long nxtseq, long ack, int flags, boolean reassembled) {
    /** The SYN flag is set (the segment's first sequence number is the SYN's, not a byte's). */
    public boolean syn() {
        return (flags & TcpHeaderFlags.SYN) != 0;
    }

    /** True when the segment goes to the server port (a request), judged by {@code serverPort}. */
    public boolean toServer(int dstPort) {
        return serverPort != 0 && dstPort == serverPort;
    }

    TcpInfo at(long relativeSeq, boolean isReassembled) {
        return new TcpInfo(stream, serverPort, relativeSeq, nxtseq, ack, flags, isReassembled);
    }
}
