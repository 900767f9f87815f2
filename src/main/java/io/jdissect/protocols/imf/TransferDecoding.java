package io.jdissect.protocols.imf;

import java.util.Arrays;

/**
 * Content-Transfer-Encoding decoders (RFC 2045 §6): base64 (§6.8) and quoted-printable (§6.7),
 * both lenient as mail readers are: characters outside the alphabet are skipped (and counted as
 * errors), a quoted-printable {@code =} not followed by two hex digits is kept literally. Linear
 * time, never throws.
 */
public final class TransferDecoding {
    /** Decoded bytes and the number of bytes that were not valid in the encoding. */
    public record Decoded(byte[] bytes, int errors) {
    }

    private TransferDecoding() {
    }

    /** Decodes {@code data[offset, offset+length)} for the given Content-Transfer-Encoding. */
    public static Decoded decode(String encoding, byte[] data, int offset, int length) {
        String e = encoding == null ? "" : encoding.strip().toLowerCase(java.util.Locale.ROOT);
        if (e.equals("base64")) {
            return base64(data, offset, length);
        }
        if (e.equals("quoted-printable")) {
            return quotedPrintable(data, offset, length);
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        return new Decoded(copy, 0);
    }

    /** The value of each base64 alphabet byte (RFC 2045 table 1); -1 for every other byte. */
    private static final byte[] SEXTETS = new byte[256];

    static {
        Arrays.fill(SEXTETS, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            SEXTETS[alphabet.charAt(i)] = (byte) i;
        }
    }

    private static int sextet(int c) {
        return SEXTETS[c];
    }

    public static Decoded base64(byte[] data, int offset, int length) {
        // Written straight into an array of the largest possible size: no synchronized stream per byte.
        byte[] out = new byte[length * 3 / 4 + 3];
        int size = 0;
        int acc = 0;
        int bits = 0;
        int errors = 0;
        boolean padded = false;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bits == 0 && !padded && i + 4 <= end) {
                // A whole quantum of the alphabet, nothing pending (nearly all of a body): three bytes at once.
                int v = sextet(data[i] & 0xff) << 18 | sextet(data[i + 1] & 0xff) << 12
                        | sextet(data[i + 2] & 0xff) << 6 | sextet(data[i + 3] & 0xff);
                if (v >= 0) {
                    out[size] = (byte) (v >> 16);
                    out[size + 1] = (byte) (v >> 8);
                    out[size + 2] = (byte) v;
                    size += 3;
                    i += 3;
                    continue;
                }
            }
            int c = data[i] & 0xff;
            if (c == '=') {
                padded = true;
                continue;
            }
            int v = sextet(c);
            if (v < 0) {
                if (!FormatText.isAsciiSpace(c)) {
                    errors++;
                }
                continue;
            }
            if (padded) {
                // Data after padding: a second encoded run glued on; decode it from a fresh quantum.
                errors++;
                padded = false;
                acc = 0;
                bits = 0;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[size++] = (byte) (acc >> bits);
            }
        }
        return new Decoded(Arrays.copyOf(out, size), errors);
    }

    /** Base64 of an RFC 2047 encoded-word: null when it holds anything outside the alphabet. */
    static byte[] base64Strict(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (byte x : b) {
            if (x != '=' && sextet(x & 0xff) < 0) {
                return null;
            }
        }
        return base64(b, 0, b.length).bytes();
    }

    public static Decoded quotedPrintable(byte[] data, int offset, int length) {
        // Decoding never grows the text: an array of the input's size holds it.
        byte[] out = new byte[length];
        int size = 0;
        int end = offset + length;
        int errors = 0;
        for (int i = offset; i < end; i++) {
            int c = data[i] & 0xff;
            if (c != '=') {
                out[size++] = (byte) c;
                continue;
            }
            int j = i + 1;
            while (j < end && (data[j] == ' ' || data[j] == '\t')) {
                j++;
            }
            if (j < end && (data[j] == '\r' || data[j] == '\n')) {
                // Soft line break (§6.7 rule 5), transport padding before it allowed.
                i = data[j] == '\r' && j + 1 < end && data[j + 1] == '\n' ? j + 1 : j;
                continue;
            }
            if (i + 2 < end) {
                int hi = Character.digit(data[i + 1], 16);
                int lo = Character.digit(data[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out[size++] = (byte) (hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            errors++;
            out[size++] = (byte) c;
        }
        return new Decoded(Arrays.copyOf(out, size), errors);
    }
}
