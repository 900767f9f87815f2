package io.jdissect.output;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A writer whose packets can be formatted apart and joined in order: a second instance of the same
 * format and options ({@link #continuation}) formats a packet to the bytes this one would write for
 * it anywhere after the output's first packet. {@link BackgroundWriter} uses one in the dissecting
 * thread for a batch when its writer thread is behind, and hands this writer the bytes
 * ({@link #append}) in the batch's place.
 */
public interface SplittableWriter extends PacketWriter {
    /**
     * A writer into {@code out} for packets that are not the output's first: it writes nothing before
     * or after them, and its {@link PacketWriter#finish()} only flushes. Null when this writer's packets
     * depend on the ones before them (columns over displayed packets, say).
     */
    PacketWriter continuation(OutputStream out) throws IOException;

    /** Writes what a {@link #continuation} wrote, as the next packets, after at least one packet of this writer's own. */
    void append(byte[] formatted, int offset, int length) throws IOException;
}
