package io.jdissect.protocols.smtp;

import java.util.ArrayDeque;

/**
 * The arrays that messages in flight are copied into, handed back when a message is done and
 * reused for the next ones. A message's bytes live from its first DATA segment to its end, across
 * many young collections: in arrays of their own, or in the capture records they came in, every
 * collection copied them again (-Y imf on 1 GB: a fifth of the run in pauses). Reused arrays are
 * promoted once and never copied after. Sizes double from {@link #SMALLEST} to {@link #LARGEST},
 * so a message holds at most about twice its size; at most {@link #MAX_FREE_BYTES} wait for reuse.
 * One per dissector: dissection is single-threaded.
 *
 * <p>The arrays taken and not yet given back (or kept by their holder) are counted against a cap
 * over all messages in flight ({@code smtp.jdissect.max_total_message_bytes}): concurrent sessions
 * each in the middle of a big message would otherwise hold their sum, whatever the cap per message.
 */
final class MessageChunks {
    static final int SMALLEST = 4096;
    static final int LARGEST = 64 * 1024;
    static final long MAX_FREE_BYTES = 32L << 20;

    /** Free arrays by size class: SMALLEST << i. */
    private final ArrayDeque<byte[]>[] free;
    private long freeBytes;
    /** Bytes of arrays taken and not yet given back or kept, and their cap. */
    private long inUse;
    private final long maxInUse;
    /** The array messages are joined into when nothing keeps them past their packet; grows as needed. */
    private byte[] joined = new byte[0];
    /** The frame whose message {@link #joined} holds. */
    private long joinedFrame = -1;

    @SuppressWarnings("unchecked")
    MessageChunks(long maxInUse) {
        this.maxInUse = maxInUse;
        int classes = Integer.numberOfTrailingZeros(LARGEST / SMALLEST) + 1;
        free = new ArrayDeque[classes];
        for (int i = 0; i < classes; i++) {
            free[i] = new ArrayDeque<>();
        }
    }

    /**
     * An array for the next bytes of a message that holds {@code kept} bytes so far; null when it
     * would take the arrays in use past their cap.
     */
    byte[] take(int kept) {
        int size = Math.min(LARGEST, Math.max(SMALLEST, Integer.highestOneBit(Math.max(1, kept))));
        if (inUse + size > maxInUse) {
            return null;
        }
        inUse += size;
        byte[] c = free[classOf(size)].pollLast();
        if (c == null) {
            return new byte[size];
        }
        freeBytes -= c.length;
        return c;
    }

    /** Takes back an array that nothing reads any more. */
    void give(byte[] chunk) {
        inUse -= chunk.length;
        if (freeBytes + chunk.length <= MAX_FREE_BYTES) {
            free[classOf(chunk.length)].addLast(chunk);
            freeBytes += chunk.length;
        }
    }

    /**
     * Stops counting an array that its holder keeps (a finished transaction's message): it is
     * no longer a message in flight, and it is never given back.
     */
    void keep(byte[] chunk) {
        inUse -= chunk.length;
    }

    /** Bytes of the arrays taken and neither given back nor kept. */
    long inUse() {
        return inUse;
    }

    /**
     * The array to join a message of {@code size} bytes that ends in {@code frame} into, the same
     * for every message (its contents are overwritten by the next): for runs that do not keep
     * packets after the next one. A second message ending in the same frame (TCP can hand SMTP
     * two pieces of one segment) gets an array of its own: the first is still in the frame's tree.
     */
    byte[] joined(int size, long frame) {
        if (frame == joinedFrame) {
            return new byte[size];
        }
        joinedFrame = frame;
        if (joined.length < size) {
            joined = new byte[size]; // the biggest message so far: at most the message limit
        }
        return joined;
    }

    private static int classOf(int size) {
        return Integer.numberOfTrailingZeros(size / SMALLEST);
    }
}
