package io.jdissect.protocols.imf;

import io.jdissect.api.PacketInfo;

/**
 * How deep the message/multipart dissectors are nested in the current packet. IMF hands bodies to
 * multipart and multipart hands {@code message/rfc822} parts back to IMF, so hostile mail could
 * recurse until the stack breaks; both dissectors enter here and stop at the preference
 * {@code imf.x_max_depth}, reporting it instead.
 */
public final class MimeDepth {
    /** The preference holding the cap. */
    public static final String PREFERENCE = "imf.x_max_depth";

    private int depth;

    private MimeDepth() {
    }

    /** Enters one level; false (and no level entered) when the cap is reached. */
    public static boolean enter(PacketInfo pinfo, long max) {
        MimeDepth d = pinfo.get(MimeDepth.class);
        if (d == null) {
            d = new MimeDepth();
            pinfo.put(MimeDepth.class, d);
        }
        if (d.depth >= max) {
            return false;
        }
        d.depth++;
        return true;
    }

    public static void leave(PacketInfo pinfo) {
        MimeDepth d = pinfo.get(MimeDepth.class);
        if (d != null && d.depth > 0) {
            d.depth--;
        }
    }
}
