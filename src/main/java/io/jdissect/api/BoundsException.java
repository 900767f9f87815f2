package io.jdissect.api;

/**
 * A dissector read past the bytes it has. Like Wireshark, two kinds: the packet was cut short by the
 * capture's snapshot length ("[Packet size limited during capture]"), or the packet itself is
 * shorter than its headers say ("[Malformed Packet]").
 */
public final class BoundsException extends RuntimeException {
    private final boolean truncated;

    private BoundsException(String message, boolean truncated) {
        super(message, null, false, false);
        this.truncated = truncated;
    }

    public static BoundsException truncated(int offset, int len, int captured) {
        return new BoundsException("captured data ends at " + captured + ", needed " + len + " at " + offset, true);
    }

    public static BoundsException malformed(int offset, int len, int reported) {
        return new BoundsException("packet ends at " + reported + ", needed " + len + " at " + offset, false);
    }

    /** True when the bytes were lost to the snapshot length, false when the packet is malformed. */
    public boolean isTruncated() {
        return truncated;
    }
}
