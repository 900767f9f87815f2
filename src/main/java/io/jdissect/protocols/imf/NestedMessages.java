package io.jdissect.protocols.imf;

import io.jdissect.api.Tvb;

import java.nio.charset.StandardCharsets;

/**
 * Whether a body may hold a message of its own: IMF's items come out of a body only through a
 * {@code message/rfc822} part of a multipart body, whose Content-Type must then be in the body's
 * bytes. (tshark 4.0 does not hand a top-level message/rfc822 body on to IMF, and the other
 * media types' dissectors do not dispatch parts.) A false "yes" only costs the dissection the
 * check was meant to save.
 */
final class NestedMessages {
    private static final byte[] MEDIA_TYPE = "message/rfc822".getBytes(StandardCharsets.US_ASCII);
    /** Horspool's shift per (folded) last byte of the window: bodies are megabytes, read a byte in 14. */
    private static final int[] SHIFT = new int[256];

    static {
        int m = MEDIA_TYPE.length;
        java.util.Arrays.fill(SHIFT, m);
        for (int k = 0; k < m - 1; k++) {
            SHIFT[MEDIA_TYPE[k]] = m - 1 - k;
        }
    }

    private NestedMessages() {
    }

    static boolean possible(String mediaType, Tvb body) {
        return mediaType.regionMatches(true, 0, "multipart/", 0, 10) && holdsMediaType(body);
    }

    static boolean holdsMediaType(Tvb body) {
        int m = MEDIA_TYPE.length;
        byte[] a = body.array();
        int base = body.arrayOffset();
        int last = base + body.length() - m;
        for (int i = base; i <= last; ) {
            int c = fold(a[i + m - 1]);
            if (c == MEDIA_TYPE[m - 1] && matchesAt(a, i)) {
                return true;
            }
            i += SHIFT[c];
        }
        return false;
    }

    /** ASCII case folding that leaves '/' and digits as they are: {@code | 0x20}. */
    private static int fold(byte b) {
        return (b | 0x20) & 0xff;
    }

    private static boolean matchesAt(byte[] a, int at) {
        for (int k = 0; k < MEDIA_TYPE.length; k++) {
            if (fold(a[at + k]) != MEDIA_TYPE[k]) {
                return false;
            }
        }
        return true;
    }
}
