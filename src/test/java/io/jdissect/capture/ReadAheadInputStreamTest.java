package io.jdissect.capture;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadAheadInputStreamTest {
    /** Hands out at most a few bytes per read, as a pipe does. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + (pos % 7000)));
            }
        };
    }

    @Test
    void givesTheBytesInOrderWhateverTheReadSizes() throws IOException {
        byte[] data = new byte[5 * ReadAheadInputStream.CHUNK_SIZE + 12345];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random sizes = new Random(4);
        try (ReadAheadInputStream in = new ReadAheadInputStream(trickle(data), "t")) {
            byte[] buf = new byte[70000];
            while (true) {
                if (sizes.nextInt(10) == 0) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    out.write(b);
                    continue;
                }
                if (sizes.nextInt(20) == 0) {
                    long skipped = in.skip(100);
                    out.write(data, out.size(), (int) skipped);
                    continue;
                }
                int n = in.read(buf, 0, 1 + sizes.nextInt(buf.length - 1));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
            }
            assertEquals(-1, in.read());
        }
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void aFailedReadComesOutAfterTheBytesBeforeIt() throws IOException {
        InputStream failing = new InputStream() {
            private int left = 3000;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return 'x';
                }
                throw new IOException("disk gone");
            }
        };
        try (ReadAheadInputStream in = new ReadAheadInputStream(failing, "t")) {
            assertEquals(3000, in.readNBytes(3000).length);
            IOException e = assertThrows(IOException.class, in::read);
            assertEquals("disk gone", e.getMessage());
        }
    }

    /** The reader sleeps while every chunk is full; closing the stream ends it there. */
    @Test
    void closingEndsAReaderThatWaitsForRoom() throws Exception {
        byte[] data = new byte[(ReadAheadInputStream.CHUNKS + 3) * ReadAheadInputStream.CHUNK_SIZE];
        ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), "closing test");
        assertEquals(0, in.read());
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("jdissect-read-ahead closing test")).findFirst().orElseThrow();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (reader.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(Thread.State.WAITING, reader.getState(), "the reader waits for room");
        in.close();
        reader.join(5000);
        assertFalse(reader.isAlive());
    }
}
