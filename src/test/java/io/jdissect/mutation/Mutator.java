package io.jdissect.mutation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes damaged variants of a capture: bit flips, bytes set to edge values, truncation, splices
 * with another capture, a duplicated range (repeated records, TCP retransmissions) and corrupted
 * length fields ({@link CaptureLayout}). Each mutant applies one to three of these, chosen by a
 * seeded {@link Random} so that a run is reproducible.
 */
public final class Mutator {
    private static final long[] EDGE_LENGTHS = {0, 1, 2, 3, 4, 7, 8, 11, 12, 15, 16, 19, 20, 27, 28, 31, 32, 39, 40,
        60, 64, 127, 128, 255, 256, 1500, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x40000, 0x7FFFFFFFL, 0x80000000L,
        0xFFFFFFF0L, 0xFFFFFFFCL, 0xFFFFFFFFL};
    private static final int[] EDGE_BYTES = {0x00, 0x01, 0x0A, 0x0D, 0x20, 0x2E, 0x3D, 0x7F, 0x80, 0xFF};

    private final Random random;
    private final List<byte[]> others;

    /** {@code others}: the captures to splice with. */
    public Mutator(long seed, List<byte[]> others) {
        this.random = new Random(seed);
        this.others = others;
    }

    /** One mutant of {@code original}, and the names of the mutations applied. */
    public Mutant mutate(byte[] original) {
        byte[] b = original.clone();
        StringBuilder how = new StringBuilder();
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds && b.length > 0; i++) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                b = corruptLength(b, how);
            } else if (kind < 6) {
                flipBits(b, how);
            } else if (kind == 6) {
                setBytes(b, how);
            } else if (kind == 7) {
                b = truncate(b, how);
            } else if (kind == 8) {
                b = splice(b, how);
            } else {
                b = duplicateRange(b, how);
            }
        }
        return new Mutant(b, how.toString().trim());
    }

    /** A damaged capture and how it was made. */
    public record Mutant(byte[] bytes, String description) {
    }

    private byte[] corruptLength(byte[] b, StringBuilder how) {
        List<CaptureLayout.LengthField> fields = CaptureLayout.of(b);
        if (fields.isEmpty()) {
            flipBits(b, how);
            return b;
        }
        CaptureLayout.LengthField f = fields.get(random.nextInt(fields.size()));
        if (f.size() == 0) {
            int v = random.nextInt(16);
            b[f.offset()] = (byte) ((b[f.offset()] & ~(0x0F << f.nibbleShift())) | (v << f.nibbleShift()));
            how.append(" nibble@").append(f.offset()).append('=').append(v);
            return b;
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(f.order());
        long old = f.size() == 4 ? buf.getInt(f.offset()) & 0xFFFFFFFFL : buf.getShort(f.offset()) & 0xFFFF;
        long v;
        switch (random.nextInt(3)) {
            case 0: v = EDGE_LENGTHS[random.nextInt(EDGE_LENGTHS.length)]; break;
            case 1: v = old + random.nextInt(9) - 4; break;
            default: v = old ^ (1L << random.nextInt(f.size() * 8)); break;
        }
        if (f.size() == 4) {
            buf.putInt(f.offset(), (int) v);
        } else {
            buf.putShort(f.offset(), (short) v);
        }
        how.append(" length@").append(f.offset()).append('=').append(f.size() == 4 ? v & 0xFFFFFFFFL : v & 0xFFFF);
        return b;
    }

    private void flipBits(byte[] b, StringBuilder how) {
        int n = 1 + random.nextInt(8);
        how.append(" flip");
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(b.length);
            b[at] ^= (byte) (1 << random.nextInt(8));
            how.append('@').append(at);
        }
    }

    private void setBytes(byte[] b, StringBuilder how) {
        int n = 1 + random.nextInt(8);
        how.append(" set");
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(b.length);
            b[at] = (byte) (random.nextBoolean() ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : random.nextInt(256));
            how.append('@').append(at);
        }
    }

    private byte[] truncate(byte[] b, StringBuilder how) {
        int at = random.nextInt(b.length);
        how.append(" truncate@").append(at);
        return Arrays.copyOf(b, at);
    }

    private byte[] splice(byte[] b, StringBuilder how) {
        byte[] other = others.get(random.nextInt(others.size()));
        if (other.length == 0) {
            return b;
        }
        int cut = random.nextInt(b.length);
        int from = random.nextInt(other.length);
        int take = Math.min(other.length - from, 1 + random.nextInt(64 * 1024));
        byte[] out = Arrays.copyOf(b, cut + take);
        System.arraycopy(other, from, out, cut, take);
        how.append(" splice@").append(cut).append('+').append(take);
        return out;
    }

    private byte[] duplicateRange(byte[] b, StringBuilder how) {
        int from = random.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + random.nextInt(2048));
        int to = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, to);
        System.arraycopy(b, from, out, to, len);
        System.arraycopy(b, to, out, to + len, b.length - to);
        how.append(" duplicate@").append(from).append('+').append(len).append("->").append(to);
        return out;
    }
}
