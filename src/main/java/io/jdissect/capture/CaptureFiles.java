package io.jdissect.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens capture files, choosing the reader by the magic number at the start of the file (never by
 * its name): pcap (microsecond or nanosecond, either byte order) or pcapng.
 */
public final class CaptureFiles {
    /** Files from this size on are read ahead ({@link ReadAheadInputStream}). */
    static final long READ_AHEAD_MIN_BYTES = 16L << 20;

    private CaptureFiles() {
    }

    /** Opens a file; "-" means standard input. */
    public static CaptureReader open(Path path) throws IOException {
        String name = path.toString();
        if (name.equals("-")) {
            return open(System.in, "-");
        }
        if (Files.isDirectory(path)) {
            throw new CaptureException(name, 0, "is a directory (folder), not a file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
            // Big files are read ahead in a thread of their own; small ones are not worth a thread.
            if (Files.size(path) >= READ_AHEAD_MIN_BYTES) {
                in = new ReadAheadInputStream(in, name);
            }
        } catch (NoSuchFileException e) {
            throw new CaptureException(name, 0, "doesn't exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new CaptureException(name, 0, "could not be opened: permission denied");
        } catch (java.nio.file.FileSystemException e) {
            throw new CaptureException(name, 0, "could not be opened: " + (parentIsAFile(path) ? "Not a directory" : e.getReason()));
        }
        try {
            return open(in, name);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Whether a missing file's path goes through a file where a folder should be
     * ({@code capture.pcap/x}): the system's ENOTDIR, which tshark reports as "Not a directory".
     */
    public static boolean parentIsAFile(Path path) {
        for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return !Files.isDirectory(p);
            }
        }
        return false;
    }

    /** Reads a capture from a stream (standard input, a socket, a byte array); {@code name} is for messages. */
    public static CaptureReader open(InputStream in, String name) throws IOException {
        CaptureInput input = new CaptureInput(in, name);
        byte[] magic = new byte[4];
        int n = input.read(magic, 0, 4);
        if (n <= 0) {
            // tshark 4.0 silently reads an empty file as a capture without packets (exit 0); an empty
            // file has no header, so jdissect says so, as for any other file that is not a capture.
            throw new CaptureException(name, 0, "is empty: it has no capture file header");
        }
        if (n == 4) {
            int be = ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
            if (PcapReader.isMagic(be)) {
                return new PcapReader(input, magic);
            }
            if (PcapngReader.isMagic(be)) {
                return new PcapngReader(input, magic);
            }
        }
        throw new CaptureException(name, 0, "isn't a capture file in a format jdissect understands");
    }
}
