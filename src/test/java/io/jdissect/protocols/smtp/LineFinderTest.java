package io.jdissect.protocols.smtp;

import io.jdissect.api.Tvb;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineFinderTest {
    /** The byte-by-byte scan the word-at-a-time one replaces. */
    private static int naive(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == '\r' || a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstLineEndAtEveryPositionAndAlignment() {
        Random random = new Random(7);
        // Bytes next to CR and LF (0x0c, 0x0e, 0x8d, 0x8a ...) are where a word test could go wrong.
        byte[] alphabet = {'a', '.', ' ', 0x0c, 0x0e, 0x09, 0x0b, (byte) 0x8d, (byte) 0x8a, (byte) 0xff, 0x00, 0x1d, 0x2a};
        for (int round = 0; round < 20_000; round++) {
            byte[] a = new byte[random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (a.length > 0 && random.nextBoolean()) {
                a[random.nextInt(a.length)] = random.nextBoolean() ? (byte) '\r' : (byte) '\n';
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            int to = from + random.nextInt(a.length - from + 1);
            assertEquals(naive(a, from, to), LineFinder.indexOfLineEnd(a, from, to), () -> java.util.Arrays.toString(a));
        }
    }

    @Test
    void findsTheFirstDotAtEveryPositionAndAlignment() {
        Random random = new Random(11);
        // '.' is 0x2e: its neighbours and its high-bit twin 0xae are where a word test could go wrong.
        byte[] alphabet = {'a', '\r', '\n', 0x2d, 0x2f, 0x0e, (byte) 0xae, (byte) 0xff, 0x00};
        for (int round = 0; round < 20_000; round++) {
            byte[] a = new byte[random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (a.length > 0 && random.nextBoolean()) {
                a[random.nextInt(a.length)] = '.';
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            int to = from + random.nextInt(a.length - from + 1);
            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) {
                expected = a[i] == '.' ? i : -1;
            }
            assertEquals(expected, LineFinder.indexOf(a, from, to, (byte) '.'), () -> java.util.Arrays.toString(a));
        }
    }

    @Test
    void lineLengthsAndNextOffsetsAsWiresharkFindsThem() {
        byte[] text = "MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\nlone\rend\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Tvb tvb = Tvb.ofSource("t", text);
        int[] next = new int[1];
        assertEquals(15, LineFinder.find(tvb, 0, true, next));
        assertEquals(17, next[0]);
        assertEquals(13, LineFinder.find(tvb, 17, true, next));
        assertEquals(31, next[0]);
        assertEquals(4, LineFinder.find(tvb, 31, true, next));
        assertEquals(36, next[0]);
        // a CR that is the last byte: no end yet when desegmenting, else the line ends there
        assertEquals(-1, LineFinder.find(tvb, 36, true, next));
        assertEquals(3, LineFinder.find(tvb, 36, false, next));
        assertEquals(40, next[0]);
    }
}
