package io.jdissect.capture;

import java.io.IOException;
import java.util.List;

/** A file with no bytes at all: tshark reads it as a capture without packets, and so do we. */
final class EmptyCapture implements CaptureReader {
    private final CaptureInput in;

    EmptyCapture(CaptureInput in) {
        this.in = in;
    }

    @Override
    public CaptureRecord next() {
        return null;
    }

    @Override
    public String formatName() {
        return "pcap";
    }

    @Override
    public List<CaptureInterface> interfaces() {
        return List.of();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
