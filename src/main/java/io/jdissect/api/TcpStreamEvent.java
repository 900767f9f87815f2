package io.jdissect.api;

/**
 * A TCP stream opened or closed. {@code stream} is tshark's {@code tcp.stream} index. The client
 * is the side that sent the SYN (mid-stream: the side that sent the first packet seen). On
 * opening, first and last frame are the same; on closing they span the stream, and {@code packets}
 * and {@code bytes} (frame lengths) count both directions.
 */
public record TcpStreamEvent(long stream, Endpoint client, Endpoint server, Cause cause, long firstFrame,
                             Timestamp start, long lastFrame, Timestamp end, long packets, long bytes) {
    /** Why the event fired. */
    public enum Cause {
        /** Opened by a SYN without ACK. */
        SYN,
        /** Opened by another packet: the capture began after the handshake. */
        MIDSTREAM,
        /** Closed: a FIN was seen from each side (fires at the second FIN). */
        FIN,
        /** Closed: a RST was seen. */
        RST,
        /** Still open when the capture ended. */
        END_OF_CAPTURE
    }
}
