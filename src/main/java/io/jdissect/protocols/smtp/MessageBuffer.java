package io.jdissect.protocols.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Growing message bytes with an upper bound, so a never-ending DATA cannot exhaust memory. The
 * bytes are copied into arrays from a {@link MessageChunks} and joined once, when the message is
 * read (a single growing array would copy a megabyte message two or three times over); {@link
 * #release()} hands the arrays back for the next message.
 */
final class MessageBuffer {
    private final MessageChunks chunks;
    private final List<byte[]> full = new ArrayList<>();
    /** Bytes kept per message; the rest is counted but dropped. */
    private final int maxBytes;
    private byte[] current;
    private int used;
    private int kept;
    private long size;

    MessageBuffer(int maxBytes, MessageChunks chunks) {
        this.maxBytes = maxBytes;
        this.chunks = chunks;
    }

    /** Appends a copy of what fits; false when bytes were dropped. */
    boolean append(byte[] b, int off, int len) {
        size += len;
        int n = Math.min(Math.max(0, maxBytes - kept), len);
        boolean all = n == len;
        while (n > 0) {
            if (current == null || used == current.length) {
                if (current != null) {
                    full.add(current);
                }
                current = chunks.take(kept);
                used = 0;
            }
            int k = Math.min(n, current.length - used);
            System.arraycopy(b, off, current, used, k);
            used += k;
            kept += k;
            off += k;
            n -= k;
        }
        return all;
    }

    long size() {
        return size;
    }

    /** How many bytes are kept (at most the limit). */
    int kept() {
        return kept;
    }

    /** The bytes kept, in a new array of their own. */
    byte[] bytes() {
        return joinInto(new byte[kept]);
    }

    /** The bytes kept, at the start of the array {@link MessageChunks#joined} reuses for every message. */
    byte[] joined(long frame) {
        return joinInto(chunks.joined(kept, frame));
    }

    private byte[] joinInto(byte[] out) {
        int at = 0;
        for (byte[] c : full) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        if (current != null) {
            System.arraycopy(current, 0, out, at, used);
        }
        return out;
    }

    /** Hands the arrays back for other messages; the buffer is empty afterwards. */
    void release() {
        for (byte[] c : full) {
            chunks.give(c);
        }
        full.clear();
        if (current != null) {
            chunks.give(current);
            current = null;
        }
        used = 0;
        kept = 0;
        size = 0;
    }
}
