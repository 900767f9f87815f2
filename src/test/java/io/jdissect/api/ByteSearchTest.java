package io.jdissect.api;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSearchTest {
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
            assertEquals(naive(a, from, to), ByteSearch.indexOfLineEnd(a, from, to), () -> java.util.Arrays.toString(a));
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
            assertEquals(expected, ByteSearch.indexOf(a, from, to, (byte) '.'), () -> java.util.Arrays.toString(a));
        }
    }

    @Test
    void aViewFindsItsLineEndsAsTheByteLoopDid() {
        Random random = new Random(13);
        byte[] alphabet = {'a', '\r', '\n', ' ', 0x0c, (byte) 0x8d};
        int[] next = new int[1];
        for (int round = 0; round < 5_000; round++) {
            byte[] a = new byte[random.nextInt(60)];
            for (int i = 0; i < a.length; i++) {
                a[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int sub = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            Tvb view = Tvb.ofSource("t", a).subset(sub);
            int offset = random.nextInt(view.length() + 2);
            // Wireshark's tvb_find_line_end as the view did it byte by byte before.
            int expectedLength = -1;
            int expectedNext = view.length();
            for (int i = offset; i < view.length(); i++) {
                if (a[sub + i] == '\n' || a[sub + i] == '\r') {
                    expectedLength = i - offset;
                    expectedNext = a[sub + i] == '\r' && i + 1 < view.length() && a[sub + i + 1] == '\n' ? i + 2 : i + 1;
                    break;
                }
            }
            assertEquals(expectedLength, view.findLineEnd(offset, next), () -> java.util.Arrays.toString(a));
            assertEquals(expectedNext, next[0]);
        }
    }

    @Test
    void aViewFindsAByteAsTheByteLoopDid() {
        Random random = new Random(17);
        for (int round = 0; round < 5_000; round++) {
            byte[] a = new byte[random.nextInt(60)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) "ab.;".charAt(random.nextInt(4));
            }
            int sub = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            Tvb view = Tvb.ofSource("t", a).subset(sub);
            int from = random.nextInt(view.length() + 3) - 1;
            int expected = -1;
            for (int i = Math.max(0, from); i < view.length() && expected < 0; i++) {
                expected = a[sub + i] == ';' ? i : -1;
            }
            assertEquals(expected, view.find(from, (byte) ';'), () -> java.util.Arrays.toString(a));
            // ... and within a bound, which may lie beyond the view's end
            int to = random.nextInt(view.length() + 3) - 1;
            int bounded = -1;
            for (int i = Math.max(0, from); i < Math.min(to, view.length()) && bounded < 0; i++) {
                bounded = a[sub + i] == ';' ? i : -1;
            }
            assertEquals(bounded, view.find(from, to, (byte) ';'), () -> java.util.Arrays.toString(a));
        }
    }

    @Test
    void findsTheFirstPairAtEveryPositionAndAlignment() {
        Random random = new Random(19);
        // Bytes one above '.' and CR (0x2f, 0x0e) are where the word test flags more than the matches.
        byte[] alphabet = {'.', '.', '\r', '\r', '\n', 'a', 0x2f, 0x0e, (byte) 0xae, (byte) 0x8d, 0x00};
        for (int round = 0; round < 50_000; round++) {
            // Past 32 bytes the search goes four words a step: half the rounds are sparse, so that
            // the pair (or a lone first byte) falls in any word of a step, or after the steps.
            byte[] a = new byte[random.nextInt(round % 2 == 0 ? 48 : 120)];
            for (int i = 0; i < a.length; i++) {
                a[i] = round % 2 == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'a';
            }
            for (int planted = random.nextInt(4); round % 2 == 1 && planted > 0 && a.length > 0; planted--) {
                a[random.nextInt(a.length)] = alphabet[random.nextInt(4)];
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            int to = from + random.nextInt(a.length - from + 1);
            int expected = -1;
            for (int i = from; i + 1 < to && expected < 0; i++) {
                expected = a[i] == '.' && a[i + 1] == '\r' ? i : -1;
            }
            assertEquals(expected, ByteSearch.indexOfPair(a, from, to, (byte) '.', (byte) '\r'),
                    () -> java.util.Arrays.toString(a));
        }
    }
}
