package io.jdissect.protocols.smtp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageBufferTest {
    /** Messages one after another through one buffer and one pool: each reads back exactly what went in. */
    @Test
    void messagesReadBackWhateverTheSegmentSizesAndTheReuse() {
        Random random = new Random(5);
        MessageChunks chunks = new MessageChunks(Long.MAX_VALUE);
        MessageBuffer buffer = new MessageBuffer(Integer.MAX_VALUE, chunks);
        for (int message = 0; message < 40; message++) {
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int segments = random.nextInt(300);
            for (int s = 0; s < segments; s++) {
                byte[] segment = new byte[random.nextInt(3000)];
                random.nextBytes(segment);
                int off = segment.length == 0 ? 0 : random.nextInt(segment.length);
                assertTrue(buffer.append(segment, off, segment.length - off));
                expected.write(segment, off, segment.length - off);
            }
            assertEquals(expected.size(), buffer.size());
            assertArrayEquals(expected.toByteArray(), buffer.bytes(), "message " + message);
            buffer.release();
            assertEquals(0, buffer.size());
        }
    }

    @Test
    void bytesPastTheCapAreCountedButNotKept() {
        MessageBuffer buffer = new MessageBuffer(10, new MessageChunks(Long.MAX_VALUE));
        assertTrue(buffer.append("12345678".getBytes(), 0, 8));
        assertFalse(buffer.append("abcdef".getBytes(), 0, 6));
        assertFalse(buffer.append("xyz".getBytes(), 0, 3));
        assertEquals(17, buffer.size());
        assertArrayEquals("12345678ab".getBytes(), buffer.bytes());
    }

    @Test
    void chunksDoubleAndComeBackForReuse() {
        MessageChunks chunks = new MessageChunks(Long.MAX_VALUE);
        byte[] first = chunks.take(0);
        assertEquals(MessageChunks.SMALLEST, first.length);
        assertEquals(2 * MessageChunks.SMALLEST, chunks.take(2 * MessageChunks.SMALLEST + 5).length);
        assertEquals(MessageChunks.LARGEST, chunks.take(50 << 20).length);
        chunks.give(first);
        assertSame(first, chunks.take(100), "a freed array of the size asked for is reused");
        assertNotSame(first, chunks.take(100));
    }

    @Test
    void thePoolKeepsAtMostItsCap() {
        MessageChunks chunks = new MessageChunks(Long.MAX_VALUE);
        int n = (int) (MessageChunks.MAX_FREE_BYTES / MessageChunks.LARGEST) + 10;
        byte[][] taken = new byte[n][];
        for (int i = 0; i < n; i++) {
            taken[i] = chunks.take(Integer.MAX_VALUE);
        }
        for (byte[] c : taken) {
            chunks.give(c);
        }
        int reused = 0;
        for (int i = 0; i < n; i++) {
            byte[] c = chunks.take(Integer.MAX_VALUE);
            if (Arrays.stream(taken).anyMatch(t -> t == c)) {
                reused++;
            }
        }
        assertEquals(MessageChunks.MAX_FREE_BYTES / MessageChunks.LARGEST, reused);
    }

    /**
     * Runs that do not keep packets join every message into one array: the message's bytes are its
     * start, a longer message grows it, and a second message ending in the same frame gets an array
     * of its own (the first is still in that frame's tree).
     */
    @Test
    void messagesJoinIntoOneArrayButNotTwiceInAFrame() {
        MessageChunks chunks = new MessageChunks(Long.MAX_VALUE);
        MessageBuffer buffer = new MessageBuffer(Integer.MAX_VALUE, chunks);
        buffer.append("a longer message".getBytes(), 0, 16);
        byte[] first = buffer.joined(7);
        assertArrayEquals("a longer message".getBytes(), Arrays.copyOf(first, buffer.kept()));
        buffer.release();
        buffer.append("short".getBytes(), 0, 5);
        byte[] second = buffer.joined(9);
        assertSame(first, second, "the next frame's message reuses the array");
        assertArrayEquals("short".getBytes(), Arrays.copyOf(second, buffer.kept()));
        buffer.release();
        buffer.append("again".getBytes(), 0, 5);
        byte[] sameFrame = buffer.joined(9);
        assertNotSame(first, sameFrame);
        assertArrayEquals("again".getBytes(), sameFrame);
        assertArrayEquals("short".getBytes(), Arrays.copyOf(first, 5), "the frame's first message is left as it was");
        buffer.release();
        buffer.append("x".repeat(40).getBytes(), 0, 40);
        byte[] grown = buffer.joined(10);
        assertEquals(40, grown.length);
        assertSame(grown, chunks.joined(3, 11), "the grown array is the one reused after");
    }
    /**
     * Messages in flight share one cap: a buffer that needs an array past it keeps nothing more of
     * its message (the rest is counted, and the cap is named); arrays given back or kept by their
     * holder leave room for others, once each.
     */
    @Test
    void messagesInFlightShareOneCap() {
        MessageChunks chunks = new MessageChunks(3L * MessageChunks.SMALLEST);
        MessageBuffer first = new MessageBuffer(Integer.MAX_VALUE, chunks);
        MessageBuffer second = new MessageBuffer(Integer.MAX_VALUE, chunks);
        byte[] page = new byte[MessageChunks.SMALLEST];
        assertTrue(first.append(page, 0, page.length));
        assertTrue(second.append(page, 0, page.length));
        assertTrue(first.append(page, 0, 10), "a third array still fits");
        assertEquals(3L * MessageChunks.SMALLEST, chunks.inUse());
        assertFalse(second.append(page, 0, 10));
        assertEquals(MessageBuffer.MAX_TOTAL, second.cutBy());
        assertFalse(second.append(new byte[1], 0, 1), "nothing more of a cut message is kept");
        assertEquals(MessageChunks.SMALLEST + 11, second.size());
        assertEquals(MessageChunks.SMALLEST, second.kept());
        assertNull(first.cutBy());

        first.keep();
        first.keep();
        assertEquals(MessageChunks.SMALLEST, chunks.inUse(), "kept arrays no longer count, once");
        assertEquals(MessageChunks.SMALLEST + 10, first.bytes().length, "and stay with their holder");
        first.release();
        assertEquals(MessageChunks.SMALLEST, chunks.inUse(), "nor are they given back");
        second.release();
        assertEquals(0, chunks.inUse());
        assertNull(second.cutBy(), "the next message starts uncut");
        assertTrue(second.append(page, 0, page.length));
    }

    @Test
    void theCapPerMessageIsNamedWhenItCuts() {
        MessageBuffer buffer = new MessageBuffer(4, new MessageChunks(Long.MAX_VALUE));
        assertFalse(buffer.append("12345".getBytes(), 0, 5));
        assertEquals(MessageBuffer.MAX_MESSAGE, buffer.cutBy());
    }
}
