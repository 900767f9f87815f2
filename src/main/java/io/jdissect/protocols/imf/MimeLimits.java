package io.jdissect.protocols.imf;

/**
 * Caps that keep the RFC parsers' work and memory bounded on hostile mail: header fields per
 * header section, characters per decoded header value, MIME nesting depth and body parts per
 * message. When one is hit the parser stops there and says so ({@link #hit}), it never throws.
 */
public record MimeLimits(int maxHeaders, int maxHeaderLength, int maxDepth, int maxParts) {
    /** Defaults generous enough for real mail. */
    public static final MimeLimits DEFAULT = new MimeLimits(10_000, 65_536, 20, 1_000);
}
