package io.jdissect.protocols.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextFormatTest {
    @Test
    void escapesAsciiControlsAsFormatText() {
        assertEquals("RCPT TO:<a@b>\\r\\n", TextFormat.of("RCPT TO:<a@b>\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("\\a\\b\\t\\v\\f\\001\\037\\177 ~", TextFormat.of(new byte[] {7, 8, 9, 11, 12, 1, 31, 127, ' ', '~'}));
        assertEquals("caf\u00e9\\r\\n", TextFormat.of("caf\u00e9\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\ufffd\\n", TextFormat.of(new byte[] {(byte) 0xff, '\n'}));
    }

    @Test
    void bytesGiveWhatTheirDecodedTextGives() {
        // The byte path skips UTF-8 decoding for ASCII; it must agree with the decoded path everywhere.
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : random.nextInt(128));
            }
            assertEquals(TextFormat.of(new String(b, StandardCharsets.UTF_8)), TextFormat.of(b));
        }
    }
}
