package io.jdissect.protocols.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Growing message bytes with an upper bound, so a never-ending DATA cannot exhaust memory. The
 * bytes are copied into arrays from a {@link MessageChunks} and joined once, when the message is
 * read (a single growing array would copy a megabyte message two or three times over); {@link
 * #release()} hands the arrays back for the next message. Past the cap per message, or when the
 * chunks' cap over all messages in flight refuses an array, the rest of the message is counted
 * but not kept.
 */
final class MessageBuffer {
    static final String MAX_MESSAGE = "smtp.jdissect.max_message_bytes";
    static final String MAX_TOTAL = "smtp.jdissect.max_total_message_bytes";

    private final MessageChunks chunks;
    private final List<byte[]> full = new ArrayList<>();
    /** Bytes kept per message; the rest is counted but dropped. */
    private final int maxBytes;
    private byte[] current;
    private int used;
    private int kept;
    private long size;
    /** The cap that stopped keeping bytes, while this message lasts; null before that. */
    private String cutBy;
    /** After {@link #keep()}: the arrays are the holder's, neither counted nor given back. */
    private boolean handedOver;

    MessageBuffer(int maxBytes, MessageChunks chunks) {
        this.maxBytes = maxBytes;
        this.chunks = chunks;
    }

    /** Appends a copy of what fits; false when bytes were dropped ({@link #cutBy()} says why). */
    boolean append(byte[] b, int off, int len) {
        if (handedOver) {
            throw new IllegalStateException("the message was handed over");
        }
        size += len;
        int n = cutBy != null ? 0 : Math.min(Math.max(0, maxBytes - kept), len);
        if (n < len && cutBy == null) {
            cutBy = MAX_MESSAGE;
        }
        boolean all = n == len;
        while (n > 0) {
            if (current == null || used == current.length) {
                byte[] next = chunks.take(kept);
                if (next == null) {
                    // A hole would corrupt the message: nothing more of it is kept.
                    cutBy = MAX_TOTAL;
                    return false;
                }
                if (current != null) {
                    full.add(current);
                }
                current = next;
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

    /**
     * The preference whose cap stopped keeping this message's bytes
     * ({@code smtp.jdissect.max_message_bytes} or {@code smtp.jdissect.max_total_message_bytes}),
     * or null while every byte is kept.
     */
    String cutBy() {
        return cutBy;
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

    /**
     * Keeps the bytes with this buffer's holder but no longer counts them as a message in flight
     * (a finished transaction, which hands its message to analyzers); the buffer keeps no more.
     */
    void keep() {
        if (handedOver) {
            return;
        }
        handedOver = true;
        for (byte[] c : full) {
            chunks.keep(c);
        }
        if (current != null) {
            chunks.keep(current);
        }
    }

    /** Hands the arrays back for other messages; the buffer is empty afterwards. */
    void release() {
        if (!handedOver) {
            for (byte[] c : full) {
                chunks.give(c);
            }
            if (current != null) {
                chunks.give(current);
            }
        }
        full.clear();
        current = null;
        used = 0;
        kept = 0;
        size = 0;
        cutBy = null;
        handedOver = false;
    }
}
