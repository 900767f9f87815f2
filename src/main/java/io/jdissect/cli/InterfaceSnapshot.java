package io.jdissect.cli;

import io.jdissect.capture.CaptureInterface;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The capture's interfaces as the reading thread last saw them, for output formatted on another
 * thread: the reader's own list grows while it reads (pcapng IDBs), so the writer thread reads a
 * copy taken by the reading thread instead. Interfaces are only ever added, so a copy taken after
 * a packet was read knows that packet's interface.
 */
final class InterfaceSnapshot implements Supplier<List<CaptureInterface>> {
    private final Supplier<List<CaptureInterface>> source;
    private volatile List<CaptureInterface> copy = List.of();

    InterfaceSnapshot(Supplier<List<CaptureInterface>> source) {
        this.source = source;
    }

    /** Called by the reading thread after each packet: copies the list when it has grown. */
    void refresh() {
        List<CaptureInterface> now = source.get();
        if (now.size() != copy.size()) {
            copy = Collections.unmodifiableList(new ArrayList<>(now));
        }
    }

    @Override
    public List<CaptureInterface> get() {
        return copy;
    }
}
