package io.jdissect.api;

import io.jdissect.capture.CaptureReader;
import io.jdissect.capture.CaptureRecord;
import io.jdissect.engine.DissectionEngine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The dissected packets of one capture, read and dissected one at a time: nothing is kept after
 * a packet is handed out, so memory does not grow with the capture. Iterate it, or call
 * {@link #next()} to get read errors as checked exceptions.
 */
public final class PacketStream implements Iterable<Packet>, Closeable {
    private final CaptureReader reader;
    private final DissectionEngine engine;
    private BitSet kept;
    private int index;

    PacketStream(CaptureReader reader, DissectionEngine engine) {
        this.reader = reader;
        this.engine = engine;
    }

    /** The next packet, or null at the end of the capture; throws on a damaged file. */
    public Packet next() throws IOException {
        while (true) {
            CaptureRecord r = reader.next();
            if (r == null) {
                return null;
            }
            engine.setInterfaces(reader.interfaces());
            Packet p = engine.dissect(r);
            if (kept == null || kept.get(index++)) {
                return p;
            }
            engine.dropLast();
        }
    }

    /**
     * Second pass of a two-pass read: only the records whose index (from 0) is set are handed
     * out; the others are still dissected, for the state they leave, then dropped.
     */
    void keepOnly(BitSet records) {
        this.kept = records;
    }

    /**
     * Reads every record into one reused array ({@link CaptureReader#reuseRecordBytes()}): a packet,
     * its tree and its {@link Tvb}s are then valid only until the next packet is read, and dissectors
     * may reuse arrays too ({@link PacketInfo#packetsKept()}). For a caller that is done with each
     * packet first, as a command line that prints it and moves on; the built-in dissectors keep
     * copies of whatever outlives a packet (reassembly, conversations).
     */
    public PacketStream reuseRecordBytes() {
        reader.reuseRecordBytes();
        engine.setPacketsKept(false);
        return this;
    }

    /** The engine, for callers that filter: {@link DissectionEngine#markDisplayed}. */
    public DissectionEngine engine() {
        return engine;
    }

    public CaptureReader reader() {
        return reader;
    }

    /** Iterates the packets; a damaged file ends the iteration with an {@link UncheckedIOException}. */
    @Override
    public Iterator<Packet> iterator() {
        return new Iterator<>() {
            private Packet pending;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (pending == null && !done) {
                    try {
                        pending = PacketStream.this.next();
                    } catch (IOException e) {
                        done = true;
                        throw new UncheckedIOException(e);
                    }
                    done = pending == null;
                }
                return pending != null;
            }

            @Override
            public Packet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Packet p = pending;
                pending = null;
                engine.markDisplayed(p);
                return p;
            }
        };
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
