package io.jdissect.protocols.smtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Growing message bytes with an upper bound, so a never-ending DATA cannot exhaust memory. The
 * pieces are kept as they come and joined once, when the message is read: a growing array would
 * copy a megabyte message two or three times over.
 */
final class MessageBuffer {
    private record Piece(byte[] array, int offset, int length) {
    }

    private final List<Piece> pieces = new ArrayList<>();
    /** Bytes kept per message; the rest is counted but dropped. */
    private final int maxBytes;
    private int kept;
    private long size;

    MessageBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Appends a copy of what fits; false when bytes were dropped. */
    boolean append(byte[] b, int off, int len) {
        return add(b, off, len, true);
    }

    /**
     * Appends what fits without copying it: {@code b} must never change afterwards (a packet's
     * bytes, which no dissector writes to). False when bytes were dropped.
     */
    boolean appendShared(byte[] b, int off, int len) {
        return add(b, off, len, false);
    }

    private boolean add(byte[] b, int off, int len, boolean copy) {
        size += len;
        int n = Math.min(Math.max(0, maxBytes - kept), len);
        if (n > 0) {
            pieces.add(copy ? new Piece(Arrays.copyOfRange(b, off, off + n), 0, n) : new Piece(b, off, n));
            kept += n;
        }
        return n == len;
    }

    long size() {
        return size;
    }

    byte[] bytes() {
        byte[] out = new byte[kept];
        int at = 0;
        for (Piece p : pieces) {
            System.arraycopy(p.array(), p.offset(), out, at, p.length());
            at += p.length();
        }
        return out;
    }
}
