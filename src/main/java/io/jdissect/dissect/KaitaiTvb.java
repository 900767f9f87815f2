package io.jdissect.dissect;

import io.jdissect.api.Tvb;
import io.kaitai.struct.KaitaiStream;

/**
 * Hands the bytes of a header in a {@link Tvb} to a Kaitai-generated parser without copying them.
 * The caller first makes sure the bytes are there ({@link Tvb#ensure}), so a short packet is
 * reported as truncated or malformed the way tshark does, rather than as a Kaitai EOF.
 */
public final class KaitaiTvb {
    private KaitaiTvb() {
    }

    /** A new Kaitai stream over {@code len} captured bytes of {@code tvb} at {@code offset}. */
    public static KaitaiStream stream(Tvb tvb, int offset, int len) {
        return stream(new ArrayKaitaiStream(), tvb, offset, len);
    }

    /**
     * {@code io}, a dissector's own stream, pointed at {@code len} captured bytes of {@code tvb} at
     * {@code offset}: for parsers without lazy instances (see {@link ArrayKaitaiStream}).
     */
    public static KaitaiStream stream(ArrayKaitaiStream io, Tvb tvb, int offset, int len) {
        tvb.ensure(offset, len);
        return io.reset(tvb.array(), tvb.arrayOffset() + offset, len);
    }
}
