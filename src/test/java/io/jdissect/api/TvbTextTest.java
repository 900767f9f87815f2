package io.jdissect.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TvbTextTest {
    /** Wireshark's ENC_ASCII, a byte at a time: bytes >= 0x80 are not ASCII and show as U+FFFD. */
    private static String encAscii(byte[] a, int from, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + len; i++) {
            int b = a[i] & 0xff;
            sb.append(b < 0x80 ? (char) b : '\uFFFD');
        }
        return sb.toString();
    }

    @Test
    void asciiKeepsEveryByteBelow0x80AndReplacesTheOthers() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String text = Tvb.ofSource("all", all).ascii(0, 256);
        assertEquals(256, text.length());
        for (int i = 0; i < 256; i++) {
            assertEquals(i < 0x80 ? (char) i : '\uFFFD', text.charAt(i), "byte " + i);
        }
    }

    @Test
    void asciiOfSubsetsMatchesTheByteByByteDefinition() {
        Random random = new Random(11);
        for (int round = 0; round < 5_000; round++) {
            byte[] a = new byte[random.nextInt(200)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) (random.nextInt(8) == 0 ? 0x80 + random.nextInt(128) : random.nextInt(128));
            }
            int start = random.nextInt(a.length + 1);
            Tvb sub = Tvb.ofSource("a", a).subset(start);
            int offset = random.nextInt(sub.length() + 1);
            int len = random.nextInt(sub.length() - offset + 1);
            assertEquals(encAscii(a, start + offset, len), sub.ascii(offset, len));
        }
    }

    @Test
    void asciiBeyondTheCapturedBytesIsABoundsError() {
        Tvb tvb = Tvb.ofSource("a", "MAIL".getBytes(StandardCharsets.US_ASCII));
        assertThrows(BoundsException.class, () -> tvb.ascii(2, 3));
    }
}
