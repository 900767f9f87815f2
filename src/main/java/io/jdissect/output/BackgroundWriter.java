package io.jdissect.output;

import io.jdissect.api.Packet;

import java.io.ByteArrayOutputStream;
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
 * <p>
 * When the writer thread falls behind (the queue is full) and the writer is a
 * {@link SplittableWriter}, the calling thread formats the batch itself instead of waiting, with a
 * continuation of the writer, and queues the bytes in its place: -T json and -T ek format more
 * slowly than they dissect, and this keeps both cores busy to the end.
 */
public final class BackgroundWriter implements PacketWriter, AutoCloseable {
    private static final int BATCH = 64;
    private static final int QUEUED_BATCHES = 4;
    /**
     * The calling thread formats a batch's packets until it holds this many bytes and leaves the rest
     * to the writer thread: a packet with a reassembled message is megabytes of JSON, and the queue
     * holds no more than this per batch beside the packets themselves.
     */
    static final int FORMATTED_BYTES = 4 << 20;

    /**
     * Packets for the writer thread, after the {@code length} bytes the calling thread formatted the
     * batch's first ones to (or null), which the writer thread hands back to {@code spare} once written.
     */
    private record Batch(byte[] formatted, int length, List<Packet> packets) {
    }

    private static final Batch END = new Batch(null, 0, List.of());

    /**
     * The calling thread's formatted bytes, whose array is handed over to the writer thread instead
     * of copied: a copy per batch was 170 MB of garbage in a -T json run on the 100 MB benchmark capture.
     */
    private static final class HandOverBuffer extends ByteArrayOutputStream {
        /**
         * Takes the bytes written so far, leaving {@code next} (or a new array of the same size, at
         * most {@code maxNew} bytes) to write to: after a batch with a big message the next batch need
         * not start with megabytes.
         */
        Batch handOver(byte[] next, List<Packet> rest, int maxNew) {
            Batch b = new Batch(buf, count, rest);
            buf = next != null ? next : new byte[Math.max(32, Math.min(buf.length, maxNew))];
            count = 0;
            return b;
        }
    }

    private final PacketWriter target;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread thread;
    /** The target as a {@link SplittableWriter} and the calling thread's continuation of it, or null. */
    private final SplittableWriter splittable;
    private final PacketWriter helper;
    private final HandOverBuffer formatted = new HandOverBuffer();
    /**
     * Arrays the writer thread has written out, for the calling thread's next formatted batches: as
     * many as can be queued and one more (fewer left most hand-overs making a new array), none bigger
     * than twice the bytes formatted per batch (a batch with a big message grows its array to
     * megabytes, which are not kept).
     */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(QUEUED_BATCHES + 1);
    private final int formattedBytes;
    /** The biggest array of formatted bytes kept for reuse or made afresh: twice {@code formattedBytes}. */
    private final int arrayMax;
    private long batches;
    private long formattedHere;
    private List<Packet> batch = new ArrayList<>(BATCH);
    private long lastNumber;
    private volatile Throwable failure;
    private boolean finished;

    public BackgroundWriter(PacketWriter target) throws IOException {
        this(target, FORMATTED_BYTES);
    }

    /** With another bound on the bytes formatted per batch in the calling thread (tests). */
    BackgroundWriter(PacketWriter target, int formattedBytes) throws IOException {
        this.target = target;
        this.formattedBytes = formattedBytes;
        this.arrayMax = 2 * formattedBytes;
        this.helper = target instanceof SplittableWriter w ? w.continuation(formatted) : null;
        this.splittable = helper != null ? (SplittableWriter) target : null;
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

    /** How many batches the calling thread formatted (some or all of their packets). */
    long formattedHere() {
        return formattedHere;
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
        if (batch.isEmpty()) {
            return;
        }
        List<Packet> packets = batch;
        batch = new ArrayList<>(BATCH);
        // The first batch always goes to the writer thread: a continuation writes no packet as the
        // first. The second is formatted here whatever the queue holds, so that this thread's writer
        // meets its first packets while the compilers still watch (not later, when its untried paths
        // would throw the writer's compiled code away for both threads).
        long n = batches++;
        if (helper == null || n == 0) {
            put(new Batch(null, 0, packets));
        } else if (n == 1 || !queue.offer(new Batch(null, 0, packets))) {
            put(formatHere(packets));
        }
    }

    /** Formats the first packets of {@code packets} in this thread, until they make {@code formattedBytes}. */
    private Batch formatHere(List<Packet> packets) throws IOException {
        formattedHere++;
        formatted.reset();
        int n = 0;
        while (n < packets.size() && formatted.size() < formattedBytes) {
            helper.write(packets.get(n++));
            helper.finish();
        }
        List<Packet> rest = n == packets.size() ? List.of() : List.copyOf(packets.subList(n, packets.size()));
        return formatted.handOver(spare.poll(), rest, arrayMax);
    }

    private void put(Batch packets) throws IOException {
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
            for (Batch b = queue.take(); b != END; b = queue.take()) {
                if (b.formatted() != null) {
                    splittable.append(b.formatted(), 0, b.length());
                    if (b.formatted().length <= arrayMax) {
                        spare.offer(b.formatted()); // dropped when enough are spare
                    }
                }
                for (Packet p : b.packets()) {
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
