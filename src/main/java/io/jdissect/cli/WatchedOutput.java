package io.jdissect.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that remembers why a write failed, so that the command line can tell a reader that
 * went away ({@code jdissect ... | head}) from an error of its own.
 */
final class WatchedOutput extends FilterOutputStream {
    private volatile IOException failure;

    WatchedOutput(OutputStream out) {
        super(out);
    }

    /** Whether a write failed because the other end of the pipe was closed (EPIPE). */
    boolean readerGone() {
        IOException e = failure;
        return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
