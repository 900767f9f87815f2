package io.jdissect.protocols.imf;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TransferDecoding#base64}: three bytes per whole quantum, otherwise a character at a time. */
class TransferDecodingBase64Test {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** The decoder a character at a time, as it was before the quantum step. */
    private static TransferDecoding.Decoded reference(byte[] data) {
        byte[] out = new byte[data.length];
        int size = 0;
        int acc = 0;
        int bits = 0;
        int errors = 0;
        boolean padded = false;
        for (byte x : data) {
            int c = x & 0xff;
            if (c == '=') {
                padded = true;
                continue;
            }
            int v = c < 128 ? ALPHABET.indexOf(c) : -1;
            if (v < 0) {
                if (FormatText.isAsciiSpace(c)) {
                    continue;
                }
                errors++;
                continue;
            }
            if (padded) {
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
        return new TransferDecoding.Decoded(Arrays.copyOf(out, size), errors);
    }

    @Test
    void aMimeBodyDecodesAsJavasMimeDecoderDoes() {
        byte[] content = new byte[10_000];
        new Random(5).nextBytes(content);
        byte[] body = Base64.getMimeEncoder().encode(content);
        TransferDecoding.Decoded d = TransferDecoding.base64(body, 0, body.length);
        assertArrayEquals(content, d.bytes());
        assertEquals(0, d.errors());
    }

    @Test
    void anyMixOfAlphabetSpacesPaddingAndJunkDecodesAsACharacterAtATime() {
        Random random = new Random(9);
        String pieces = ALPHABET + "==\r\n \t.-*\u00e9";
        for (int round = 0; round < 20_000; round++) {
            byte[] data = new byte[random.nextInt(50)];
            for (int i = 0; i < data.length; i++) {
                // mostly the alphabet, so that whole quanta are common
                data[i] = (byte) (random.nextInt(4) > 0 ? ALPHABET.charAt(random.nextInt(64)) : pieces.charAt(random.nextInt(pieces.length())));
            }
            int from = random.nextInt(data.length + 1);
            byte[] window = Arrays.copyOfRange(data, from, data.length);
            TransferDecoding.Decoded expected = reference(window);
            TransferDecoding.Decoded actual = TransferDecoding.base64(data, from, data.length - from);
            assertArrayEquals(expected.bytes(), actual.bytes(), () -> new String(window, java.nio.charset.StandardCharsets.ISO_8859_1));
            assertEquals(expected.errors(), actual.errors());
        }
    }
}
