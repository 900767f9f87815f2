package io.jdissect.protocols.smtp;

import io.jdissect.api.Tvb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Wireshark's {@code tvb_find_line_end} with its {@code desegment} flag: when desegmenting, a line
 * with no end in the buffer, or ending in a CR that is the buffer's last byte (CRLF or lone CR?
 * the next byte decides), has no end yet (-1).
 */
final class LineFinder {
    private LineFinder() {
    }

    /**
     * Length of the line at {@code offset} without its end-of-line, or -1 when {@code desegment}
     * and the end is not in the buffer; {@code next[0]} gets the offset after the end-of-line.
     */
    static int find(Tvb tvb, int offset, boolean desegment, int[] next) {
        int end = tvb.length();
        byte[] a = tvb.array();
        int base = tvb.arrayOffset();
        int at = indexOfLineEnd(a, base + offset, base + end);
        if (at >= 0) {
            int i = at - base;
            if (a[at] == '\n') {
                next[0] = i + 1;
                return i - offset;
            }
            if (i + 1 >= end) {
                if (desegment) {
                    return -1;
                }
                next[0] = i + 1;
            } else {
                next[0] = a[at + 1] == '\n' ? i + 2 : i + 1;
            }
            return i - offset;
        }
        if (desegment) {
            return -1;
        }
        next[0] = end;
        return end - offset;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = '\r' * ONES;
    private static final long LFS = '\n' * ONES;

    /**
     * The index of the first CR or LF in {@code a[from, to)}, or -1. Message bodies are most of a
     * mail capture and every byte of them is looked at, so eight bytes are tested at a time (a word
     * has a CR or LF byte exactly when XOR with that byte leaves a zero byte).
     */
    static int indexOfLineEnd(byte[] a, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long w = (long) LONGS.get(a, i);
            if ((zeroBytes(w ^ CRS) | zeroBytes(w ^ LFS)) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\r' || a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first {@code b} in {@code a[from, to)}, or -1, eight bytes at a time. */
    static int indexOf(byte[] a, int from, int to, byte b) {
        long bs = (b & 0xffL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (zeroBytes((long) LONGS.get(a, i) ^ bs) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Non-zero exactly when {@code x} has a zero byte (the high bit of the lowest zero byte is set). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
