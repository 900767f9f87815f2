package io.jdissect.capture;

import java.io.IOException;

/**
 * A capture file that cannot be read on from some point: corrupt, truncated, or not a capture.
 * The message is one line for the user, naming the file ("The standard input" for {@code -}, as
 * tshark does); {@link #offset()} is the byte where the problem is.
 */
public final class CaptureException extends IOException {
    private final String file;
    private final long offset;

    public CaptureException(String file, long offset, String problem) {
        super(("-".equals(file) ? "The standard input " : "The file \"" + file + "\" ") + problem
                + " (at byte offset " + offset + ")");
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
