package io.jdissect.capture;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a capture file, read forward once through a large buffer, counting the offset so
 * that errors can name where the damage is. Readers take one header and one packet at a time from
 * it: memory does not depend on the file's size.
 */
final class CaptureInput implements AutoCloseable {
    /** Large enough that the record loop rarely reaches the operating system. */
    private static final int BUFFER_SIZE = 1 << 20;

    private final InputStream in;
    /** {@code in} when it is read ahead, whose chunks records are copied out of directly. */
    private final ReadAheadInputStream readAhead;
    private final String name;
    private long position;
    /** The array every record is read into, once {@link #reuseRecordBytes()} is called; grows as needed. */
    private byte[] recordBytes;

    CaptureInput(InputStream in, String name) {
        this.in = in instanceof BufferedInputStream || in instanceof ReadAheadInputStream ? in : new BufferedInputStream(in, BUFFER_SIZE);
        this.readAhead = in instanceof ReadAheadInputStream r ? r : null;
        this.name = name;
    }

    /** The file name for messages. */
    String name() {
        return name;
    }

    /** Offset of the next byte to be read. */
    long position() {
        return position;
    }

    /**
     * Reads up to {@code len} bytes, stopping early only at the end of the file; returns how many
     * were read (less than {@code len} means the file ended).
     */
    int read(byte[] buf, int off, int len) throws IOException {
        int n = in.readNBytes(buf, off, len);
        position += n;
        return n;
    }

    /** See {@link CaptureReader#reuseRecordBytes()}. */
    void reuseRecordBytes() {
        if (recordBytes == null) {
            recordBytes = new byte[1 << 16];
        }
    }

    /**
     * The next {@code len} bytes at the start of an array of their own (or of the reused one, which
     * may be longer), or the "cut short" error naming {@code recordStart}.
     */
    byte[] readRecord(int len, long recordStart) throws CaptureException, IOException {
        if (recordBytes != null) {
            if (recordBytes.length < len) {
                recordBytes = new byte[len];
            }
            if (readAhead != null && readAhead.copyNext(recordBytes, len)) {
                position += len;
            } else {
                readFully(recordBytes, 0, len, recordStart);
            }
            return recordBytes;
        }
        if (readAhead != null) {
            byte[] b = readAhead.copyOfNext(len);
            if (b != null) {
                position += len;
                return b;
            }
        }
        byte[] b = new byte[len];
        readFully(b, 0, len, recordStart);
        return b;
    }

    /**
     * Where the next {@code len} bytes are in {@link #peekedArray()}, when they can be looked at in
     * place (the file is read ahead and the current chunk holds them all); else -1. Nothing is read:
     * {@link #consume} reads them. A header parsed in place is neither copied nor read through
     * {@code readNBytes} (pcapng took three such reads a packet).
     */
    int peek(int len) {
        return readAhead != null ? readAhead.peek(len) : -1;
    }

    /** The array {@link #peek}'s offsets point into, until the next read. */
    byte[] peekedArray() {
        return readAhead.chunk();
    }

    /** Reads {@code len} bytes that {@link #peek} found. */
    void consume(int len) {
        readAhead.consume(len);
        position += len;
    }

    /** Reads exactly {@code len} bytes or throws the "cut short" error naming {@code recordStart}. */
    void readFully(byte[] buf, int off, int len, long recordStart) throws CaptureException, IOException {
        if (read(buf, off, len) < len) {
            throw cutShort(recordStart);
        }
    }

    /** Skips {@code len} bytes or throws the "cut short" error naming {@code recordStart}. */
    void skipFully(long len, long recordStart) throws IOException {
        long left = len;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    position += len - left;
                    throw cutShort(recordStart);
                }
                n = 1;
            }
            left -= n;
        }
        position += len;
    }

    /** tshark's wording for a file that ends inside a record. */
    CaptureException cutShort(long recordStart) {
        return new CaptureException(name, recordStart, "appears to have been cut short in the middle of a packet");
    }

    /** tshark's wording for a record that cannot be right. */
    CaptureException corrupt(long offset, String why) {
        return new CaptureException(name, offset, "appears to be damaged or corrupt: " + why);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
