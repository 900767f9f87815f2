package io.jdissect.protocols.imf;

import io.jdissect.api.ByteSearch;
import io.jdissect.api.Tvb;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether a body may hold a message of its own: IMF's items come out of a body only through a
 * {@code message/rfc822} part of a multipart body, whose Content-Type must then be in the body's
 * bytes. (tshark 4.0 does not hand a top-level message/rfc822 body on to IMF, and the other
 * media types' dissectors do not dispatch parts.) A false "yes" only costs the dissection the
 * check was meant to save. With the body's boundary known, only the part headers are looked at
 * (each after a {@code --boundary}, found by its dashes: base64 has none); without it, the whole body.
 */
final class NestedMessages {
    private static final byte[] MEDIA_TYPE = "message/rfc822".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MULTIPART = "multipart".getBytes(StandardCharsets.US_ASCII);
    /** Horspool's shift per (folded) last byte of the window: bodies are megabytes, read a byte in 14. */
    private static final int[] SHIFT = new int[256];

    static {
        int m = MEDIA_TYPE.length;
        Arrays.fill(SHIFT, m);
        for (int k = 0; k < m - 1; k++) {
            SHIFT[MEDIA_TYPE[k]] = m - 1 - k;
        }
    }

    private NestedMessages() {
    }

    /** {@code parameters}: the body's Content-Type parameters (with its boundary), or null. */
    static boolean possible(String mediaType, String parameters, Tvb body) {
        if (!multipart(mediaType)) {
            return false;
        }
        String boundary = MediaTypeParameters.find(parameters, "boundary");
        return boundary == null || boundary.isEmpty() ? holdsMediaType(body) : partHeadersMayHold(body, boundary);
    }

    /** Whether a body of this media type may hold parts at all (a message only comes out of a part). */
    static boolean multipart(String mediaType) {
        return mediaType.regionMatches(true, 0, "multipart/", 0, 10);
    }

    /**
     * Whether the headers after any {@code --boundary} in the body, up to the close delimiter, name
     * message/rfc822 or multipart/ (a nested multipart has parts of its own): true too when headers
     * do not end.
     */
    static boolean partHeadersMayHold(Tvb body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] a = body.array();
        int end = body.arrayOffset() + body.length();
        for (int d = ByteSearch.indexOfPair(a, body.arrayOffset(), end, (byte) '-', (byte) '-'); d >= 0;
                d = ByteSearch.indexOfPair(a, d + 1, end, (byte) '-', (byte) '-')) {
            if (!Arrays.equals(a, d, Math.min(end, d + delimiter.length), delimiter, 0, delimiter.length)) {
                continue;
            }
            int headers = d + delimiter.length;
            if (headers + 1 < end && a[headers] == '-' && a[headers + 1] == '-') {
                return false; // the close delimiter: no part after it
            }
            int blank = blankLine(a, headers, end);
            if (blank < 0 || namesMediaType(a, headers, blank)) {
                return true;
            }
            d = blank - 1;
        }
        return false;
    }

    /** Where the first empty line (CRLF CRLF or LF LF) in {@code a[from, end)} starts, or -1. */
    private static int blankLine(byte[] a, int from, int end) {
        for (int i = ByteSearch.indexOf(a, from, end, (byte) '\n'); i >= 0; i = ByteSearch.indexOf(a, i + 1, end, (byte) '\n')) {
            int next = i + 1 < end && a[i + 1] == '\r' ? i + 2 : i + 1;
            if (next < end && a[next] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a[from, to)} holds message/rfc822 or multipart/, in any case. */
    private static boolean namesMediaType(byte[] a, int from, int to) {
        for (int s = ByteSearch.indexOf(a, from, to, (byte) '/'); s >= 0; s = ByteSearch.indexOf(a, s + 1, to, (byte) '/')) {
            if (s - 7 >= from && s + 7 <= to && foldedEquals(a, s - 7, MEDIA_TYPE) || s - 9 >= from && foldedEquals(a, s - 9, MULTIPART)) {
                return true;
            }
        }
        return false;
    }

    private static boolean foldedEquals(byte[] a, int at, byte[] lower) {
        for (int k = 0; k < lower.length; k++) {
            if (fold(a[at + k]) != lower[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean holdsMediaType(Tvb body) {
        int m = MEDIA_TYPE.length;
        byte[] a = body.array();
        int base = body.arrayOffset();
        int last = base + body.length() - m;
        for (int i = base; i <= last; ) {
            int c = fold(a[i + m - 1]);
            if (c == MEDIA_TYPE[m - 1] && foldedEquals(a, i, MEDIA_TYPE)) {
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
}
