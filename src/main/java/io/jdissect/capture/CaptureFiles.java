package io.jdissect.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Opens capture files, choosing the reader by the magic number at the start of the file (never by
 * its name): pcap (microsecond or nanosecond, either byte order) or pcapng.
 */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    /** Opens a file; "-" means standard input. */
    public static CaptureReader open(Path path) throws IOException {
        throw new UnsupportedOperationException("capture readers not written yet");
    }

    /** Reads a capture from a stream (standard input, a socket, a byte array); {@code name} is for messages. */
    public static CaptureReader open(InputStream in, String name) throws IOException {
        throw new UnsupportedOperationException("capture readers not written yet");
    }
}
