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
        return new ByteBufferKaitaiStream(ByteBuffer.wrap(tvb.array(), tvb.arrayOffset() + offset, len).slice());
    }
}
