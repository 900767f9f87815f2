package io.jdissect.dissect;

import io.kaitai.struct.KaitaiStream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A read-only Kaitai stream over a window of a byte array that can be pointed at the next window:
 * a dissector keeps one and parses every packet's header through it, where a stream per header
 * cost five objects (two byte buffers, the stream, its child list, a bit-field array). Positions
 * count from the window's start, as in a stream over a slice. Only for parsers that read all their
 * fields when constructed (no lazy instances): they never touch the stream again, so moving it on
 * to the next packet, or to a header nested in this one, is safe. Reads follow runtime 0.11's
 * ByteBufferKaitaiStream ({@code ArrayKaitaiStreamTest} compares them).
 */
public final class ArrayKaitaiStream extends KaitaiStream {
    // Multi-byte numbers are read with one load each (a byte at a time, a u4 was four loads and shifts).
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[] a = new byte[0];
    private int start;
    private int end;
    private int p;

    /** Points the stream at {@code a[start, start + length)}, at position 0, with no bits pending. */
    public ArrayKaitaiStream reset(byte[] a, int start, int length) {
        this.a = a;
        this.start = start;
        this.end = start + length;
        this.p = start;
        bitsLeft = 0;
        bits = 0;
        bitsLe = false;
        bitsWriteMode = false;
        return this;
    }

    /** Byte reads start at a byte boundary: pending bits are dropped, as in the runtime. */
    private int take(int n) {
        alignToByte();
        if (n > end - p) {
            throw new java.nio.BufferUnderflowException(); // as the runtime's stream over a ByteBuffer
        }
        int at = p;
        p += n;
        return at;
    }

    private int u(int i) {
        return a[i] & 0xff;
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isEof() {
        return p >= end && bitsLeft == 0;
    }

    @Override
    public void seek(int newPos) {
        seek((long) newPos);
    }

    @Override
    public void seek(long newPos) {
        if (newPos < 0 || newPos > end - start) {
            throw new IllegalArgumentException("seek to " + newPos + " outside the stream");
        }
        p = start + (int) newPos;
    }

    @Override
    public int pos() {
        return p - start;
    }

    @Override
    public long size() {
        return end - start;
    }

    @Override
    public byte readS1() {
        return a[take(1)];
    }

    @Override
    public short readS2be() {
        return (short) SHORT_BE.get(a, take(2));
    }

    @Override
    public int readS4be() {
        return (int) INT_BE.get(a, take(4));
    }

    @Override
    public long readS8be() {
        return (long) LONG_BE.get(a, take(8));
    }

    @Override
    public short readS2le() {
        return (short) SHORT_LE.get(a, take(2));
    }

    @Override
    public int readS4le() {
        return (int) INT_LE.get(a, take(4));
    }

    @Override
    public long readS8le() {
        return (long) LONG_LE.get(a, take(8));
    }

    @Override
    public int readU1() {
        return u(take(1));
    }

    @Override
    public int readU2be() {
        return (short) SHORT_BE.get(a, take(2)) & 0xffff;
    }

    @Override
    public long readU4be() {
        return (int) INT_BE.get(a, take(4)) & 0xffffffffL;
    }

    @Override
    public int readU2le() {
        return (short) SHORT_LE.get(a, take(2)) & 0xffff;
    }

    @Override
    public long readU4le() {
        return (int) INT_LE.get(a, take(4)) & 0xffffffffL;
    }

    @Override
    public float readF4be() {
        return Float.intBitsToFloat(readS4be());
    }

    @Override
    public double readF8be() {
        return Double.longBitsToDouble(readS8be());
    }

    @Override
    public float readF4le() {
        return Float.intBitsToFloat(readS4le());
    }

    @Override
    public double readF8le() {
        return Double.longBitsToDouble(readS8le());
    }

    /** As the runtime's, with the bytes taken one at a time instead of into a new array. */
    @Override
    public long readBitsIntBe(int n) {
        bitsWriteMode = false;
        long res = 0;
        int bitsNeeded = n - bitsLeft;
        bitsLeft = -bitsNeeded & 7;
        if (bitsNeeded > 0) {
            int bytesNeeded = (bitsNeeded - 1) / 8 + 1;
            if (bytesNeeded > end - p) {
                throw new java.nio.BufferUnderflowException();
            }
            int at = p;
            p += bytesNeeded;
            for (int i = 0; i < bytesNeeded; i++) {
                res = res << 8 | u(at + i);
            }
            long newBits = res;
            res = res >>> bitsLeft | (bitsNeeded < 64 ? bits << bitsNeeded : 0);
            bits = newBits;
        } else {
            res = bits >>> -bitsNeeded;
        }
        bits &= (1L << bitsLeft) - 1;
        return res;
    }

    @Override
    protected byte[] readBytesNotAligned(long n) {
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot read " + n + " bytes");
        }
        int at = take((int) n);
        return Arrays.copyOfRange(a, at, at + (int) n);
    }

    @Override
    public byte[] readBytesFull() {
        alignToByte();
        return readBytesNotAligned(end - p);
    }

    @Override
    public byte[] readBytesTerm(byte term, boolean includeTerm, boolean consumeTerm, boolean eosError) {
        return readBytesTermMulti(new byte[] {term}, includeTerm, consumeTerm, eosError);
    }

    @Override
    public byte[] readBytesTermMulti(byte[] term, boolean includeTerm, boolean consumeTerm, boolean eosError) {
        alignToByte();
        int unit = term.length;
        for (int i = p; i + unit <= end; i += unit) {
            if (Arrays.equals(a, i, i + unit, term, 0, unit)) {
                byte[] out = Arrays.copyOfRange(a, p, includeTerm ? i + unit : i);
                p = consumeTerm ? i + unit : i;
                return out;
            }
        }
        if (eosError) {
            throw new RuntimeException("End of stream reached, but no terminator found");
        }
        byte[] out = Arrays.copyOfRange(a, p, end);
        p = end;
        return out;
    }

    @Override
    public KaitaiStream substream(long n) {
        int at = take((int) n);
        return new ArrayKaitaiStream().reset(a, at, (int) n);
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a stream over packet bytes is read-only");
    }

    @Override
    public void writeS1(byte v) {
        throw readOnly();
    }

    @Override
    public void writeS2be(short v) {
        throw readOnly();
    }

    @Override
    public void writeS4be(int v) {
        throw readOnly();
    }

    @Override
    public void writeS8be(long v) {
        throw readOnly();
    }

    @Override
    public void writeS2le(short v) {
        throw readOnly();
    }

    @Override
    public void writeS4le(int v) {
        throw readOnly();
    }

    @Override
    public void writeS8le(long v) {
        throw readOnly();
    }

    @Override
    public void writeF4be(float v) {
        throw readOnly();
    }

    @Override
    public void writeF8be(double v) {
        throw readOnly();
    }

    @Override
    public void writeF4le(float v) {
        throw readOnly();
    }

    @Override
    public void writeF8le(double v) {
        throw readOnly();
    }

    @Override
    protected void writeBytesNotAligned(byte[] buf) {
        throw readOnly();
    }
}
