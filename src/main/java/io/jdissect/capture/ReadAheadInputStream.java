package io.jdissect.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead in a thread of its own, a few chunks at a time, so that the dissecting
 * thread never waits in the operating system's read: on a 2-core machine the system calls and the
 * kernel's copy out of the page cache run beside dissection. The bytes come out in order; an error
 * or the end of the stream comes out where it happened. At most {@link #CHUNKS} chunks of
 * {@link #CHUNK_SIZE} bytes are held, whatever the stream's size.
 *
 * <p>Chunks are small so that the bytes are read soon after the kernel wrote them, from the shared
 * cache: with 1 MiB chunks (4 MiB ahead) the copy of each record out of its chunk cost twice as much
 * (-Y imf on 1 GB: 1.385 -> 1.345 s, -Y MAIL 1.135 -> 1.095 s, medians of alternating runs, on an
 * earlier machine, with four slots). Smaller still costs more system calls than it saves. Sixteen
 * slots of 256 KiB hold as much ahead as four of 1 MiB did; what was measured there against the
 * sixteen slots below is the wake-ups, on another machine.
 *
 * <p>The reader, once every slot is filled, sleeps until no more than {@link #REFILL_AT} chunks are
 * left, and then fills the others again: one wake-up for twelve chunks instead of one for each. A
 * wake-up is a system call made by the dissecting thread, and a costly one in a virtual machine: one
 * per chunk was 4 % of its time in -Y imf; one per three chunks (four slots) still 3.5 % on a 2-core
 * KVM guest, where sixteen slots took -Y imf on a 1.1 GB recording 1.55 -> 1.51 s (medians of seven
 * alternating runs).
 */
final class ReadAheadInputStream extends InputStream {
    static final int CHUNK_SIZE = 1 << 18;
    static final int CHUNKS = 16;
    /** The reader is woken when no more than this many filled chunks are left. */
    static final int REFILL_AT = 4;

    /** A filled chunk; {@code length} -1 is the end, a non-null {@code error} the read that failed. */
    private record Chunk(byte[] bytes, int length, IOException error) {
    }

    private static final Chunk END = new Chunk(new byte[0], -1, null);

    private final InputStream in;
    /** Filled chunks in order, guarded by its own monitor, as are the two flags after it. */
    private final ArrayDeque<Chunk> filled = new ArrayDeque<>(CHUNKS);
    private boolean readerWaits;
    private boolean consumerWaits;
    /** Arrays the reader has copied out, for the next chunks (no garbage per megabyte read). */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 2);
    private final Thread reader;
    private volatile boolean closed;
    private Chunk current = new Chunk(new byte[0], 0, null);
    private int pos;

    ReadAheadInputStream(InputStream in, String name) {
        this.in = in;
        this.reader = new Thread(this::fill, "jdissect-read-ahead " + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void fill() {
        try {
            while (!closed) {
                byte[] b = free.poll();
                int n = in.read(b != null ? b : (b = new byte[CHUNK_SIZE]), 0, CHUNK_SIZE);
                if (n < 0) {
                    offer(END);
                    return;
                }
                if (n > 0 && !offer(new Chunk(b, n, null))) {
                    return;
                }
            }
        } catch (IOException e) {
            offer(new Chunk(null, -1, e));
        } catch (RuntimeException e) {
            offer(new Chunk(null, -1, new IOException(e)));
        }
    }

    /** Queues a chunk, waiting for room; false when the stream was closed meanwhile (then nobody takes it). */
    private boolean offer(Chunk c) {
        synchronized (filled) {
            while (filled.size() >= CHUNKS && !closed) {
                readerWaits = true;
                try {
                    filled.wait();
                } catch (InterruptedException e) {
                    return false; // only close() interrupts the reader
                }
            }
            if (closed) {
                return false;
            }
            filled.addLast(c);
            if (consumerWaits) {
                consumerWaits = false;
                filled.notifyAll();
            }
            return true;
        }
    }

    /** The next filled chunk, waiting for it; wakes the reader when one chunk is left. */
    private Chunk take() throws InterruptedIOException {
        synchronized (filled) {
            while (filled.isEmpty()) {
                consumerWaits = true;
                try {
                    filled.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading");
                }
            }
            Chunk c = filled.pollFirst();
            if (readerWaits && filled.size() <= REFILL_AT) {
                readerWaits = false;
                filled.notifyAll();
            }
            return c;
        }
    }

    /** Makes {@link #current} hold unread bytes; false at the end of the stream. */
    private boolean next() throws IOException {
        while (pos >= current.length()) {
            if (current == END) {
                return false;
            }
            if (current.bytes() != null && current.bytes().length == CHUNK_SIZE) {
                free.offer(current.bytes());
            }
            current = take();
            pos = 0;
            if (current.error() != null) {
                IOException e = current.error();
                current = END;
                throw e;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return next() ? current.bytes()[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.bytes(), pos, b, off, n);
        pos += n;
        return n;
    }

    /**
     * The next {@code len} bytes in a new array when the current chunk holds them all, else null
     * (nothing read). {@code Arrays.copyOfRange} fills the array as it allocates it: a record read
     * into a new array was first zeroed, then copied over.
     */
    byte[] copyOfNext(int len) {
        if (len > current.length() - pos) {
            return null;
        }
        byte[] b = Arrays.copyOfRange(current.bytes(), pos, pos + len);
        pos += len;
        return b;
    }

    /**
     * Where the next {@code len} bytes are in {@link #chunk()} when the current chunk holds them all,
     * else -1; nothing is read (see {@link #consume}).
     */
    int peek(int len) {
        return len <= current.length() - pos ? pos : -1;
    }

    /** The current chunk's array, which {@link #peek}'s offsets point into until the next read. */
    byte[] chunk() {
        return current.bytes();
    }

    /** Reads {@code len} bytes that {@link #peek} found in the current chunk. */
    void consume(int len) {
        pos += len;
    }

    /** Copies the next {@code len} bytes into {@code to} when the current chunk holds them all, else false (nothing read). */
    boolean copyNext(byte[] to, int len) {
        if (len > current.length() - pos) {
            return false;
        }
        System.arraycopy(current.bytes(), pos, to, 0, len);
        pos += len;
        return true;
    }

    @Override
    public long skip(long n) throws IOException {
        long left = n;
        while (left > 0 && next()) {
            int step = (int) Math.min(left, current.length() - pos);
            pos += step;
            left -= step;
        }
        return n - left;
    }

    @Override
    public int available() {
        return Math.max(0, current.length() - pos);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        synchronized (filled) {
            filled.clear();
            filled.notifyAll();
        }
        reader.interrupt();
        in.close();
    }
}
