package io.jdissect.output;

import io.jdissect.api.Packet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs another {@link PacketWriter} on a thread of its own, so that formatting the output (JSON is
 * as costly as dissecting) uses the second core while the calling thread reads and dissects the
 * next packets. Packets are handed over in batches through a bounded queue, in the order they were
 * written, so the output is byte for byte the single-threaded one and at most
 * {@code QUEUED_BATCHES * BATCH} packets are held at any time. A dissected {@link Packet} is not
 * changed by the dissection of later packets, which is what makes the hand-over safe.
 * An exception of the wrapped writer surfaces from the next {@link #write} or {@link #finish()}.
 */
public final class BackgroundWriter implements PacketWriter, AutoCloseable {
    private static final int BATCH = 64;
    private static final int QUEUED_BATCHES = 4;
    private static final List<Packet> END = List.of();

    private final PacketWriter target;
    private final BlockingQueue<List<Packet>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    private List<Packet> batch = new ArrayList<>(BATCH);
    private long lastNumber;
    private volatile Throwable failure;
    private boolean finished;

    public BackgroundWriter(PacketWriter target) {
        this.target = target;
        this.thread = new Thread(this::drain, "jdissect-writer");
        thread.setDaemon(true);
    }

    @Override
    public void begin() throws IOException {
        target.begin();
        thread.start();
    }

    @Override
    public void write(Packet packet) throws IOException {
        batch.add(packet);
        // A packet far from the one before (a filter that matches now and then) goes at once: a
        // batch filled that slowly held its packets, and the reassembled messages in their trees,
        // through many collections (-Y imf: up to 64 messages of up to a megabyte, copied again and again).
        boolean sparse = packet.number() - lastNumber > BATCH;
        lastNumber = packet.number();
        if (batch.size() == BATCH || sparse) {
            handOver();
        }
    }

    @Override
    public void finish() throws IOException {
        handOver();
        put(END);
        finished = true;
        join();
        rethrow();
        target.finish();
    }

    /** Stops the writer thread if {@link #finish()} was not reached (the run failed on the way). */
    @Override
    public void close() {
        if (!finished) {
            thread.interrupt();
        }
    }

    private void handOver() throws IOException {
        rethrow();
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(List<Packet> packets) throws IOException {
        try {
            while (!queue.offer(packets, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    rethrow();
                    throw new IOException("the output thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
    }

    private void join() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
    }

    private void drain() {
        try {
            for (List<Packet> packets = queue.take(); packets != END; packets = queue.take()) {
                for (Packet p : packets) {
                    target.write(p);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** Re-raises what the writer thread met, as the single-threaded writer would have. */
    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(t);
    }
}
