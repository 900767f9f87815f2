package io.jdissect.output;

import io.jdissect.api.Packet;

import java.io.IOException;

/**
 * Writes dissected packets in one output format, one packet at a time: nothing but the packet
 * being written is kept, so any capture size streams through. Call {@link #begin()} once, then
 * {@link #write(Packet)} per packet, then {@link #finish()} (which flushes but does not close the
 * underlying stream).
 */
public interface PacketWriter {
    /** Writes what comes before the first packet (a JSON array's {@code [}, a header row). */
    default void begin() throws IOException {
    }

    void write(Packet packet) throws IOException;

    /** Passes what was written so far on to the stream and flushes it ({@code -l}: a packet at a time). */
    default void flush() throws IOException {
    }

    /** Writes what comes after the last packet and flushes. */
    void finish() throws IOException;
}
