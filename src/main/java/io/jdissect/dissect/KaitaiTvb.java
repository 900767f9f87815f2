package io.jdissect.dissect;

import io.jdissect.api.Tvb;
import io.kaitai.struct.ByteBufferKaitaiStream;
import io.kaitai.struct.KaitaiStream;

import java.nio.ByteBuffer;

/**
 * Hands the bytes of a header in a {@link Tvb} to a Kaitai-generated parser without copying them.
 * The caller first makes sure the bytes are there ({@link Tvb#ensure}), so a short packet is
 * reported as truncated or malformed the way tshark does, rather than as a Kaitai EOF.
 */
public final class KaitaiTvb {
    private KaitaiTvb() {
    }

    /** A Kaitai stream over {@code len} captured bytes of {@code tvb} at {@code offset}. */
    public static KaitaiStream stream(Tvb tvb, int offset, int len) {
        tvb.ensure(offset, len);
        return new BitFieldStream(ByteBuffer.wrap(tvb.array(), tvb.arrayOffset() + offset, len).slice());
    }

    /**
     * The runtime's stream with its big-endian bit-field read taking the bytes one at a time: the
     * runtime reads them into a new array each time, and every IPv4 and TCP header has bit fields
     * (version, flags, fragment offset, data offset), so that was several arrays per packet. Same
     * arithmetic as KaitaiStream.readBitsIntBe of runtime 0.11 ({@code KaitaiTvbTest} compares them).
     */
    static final class BitFieldStream extends ByteBufferKaitaiStream {
        /** The runtime's own buffer (it keeps the one it is given); read directly, as readU1 would realign. */
        private final ByteBuffer buffer;

        BitFieldStream(ByteBuffer buffer) {
            super(buffer);
            this.buffer = buffer;
        }

        @Override
        public long readBitsIntBe(int n) {
            bitsWriteMode = false;
            long res = 0;
            int bitsNeeded = n - bitsLeft;
            bitsLeft = -bitsNeeded & 7;
            if (bitsNeeded > 0) {
                int bytesNeeded = (bitsNeeded - 1) / 8 + 1;
                for (int i = 0; i < bytesNeeded; i++) {
                    res = res << 8 | (buffer.get() & 0xff);
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
    }
}
