package io.jdissect.protocols.smtp;

import java.io.ByteArrayOutputStream;

/** Growing message bytes with an upper bound, so a never-ending DATA cannot exhaust memory. */
final class MessageBuffer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Bytes kept per message; the rest is counted but dropped. */
    private final int maxBytes;
    private long size;

    MessageBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Appends what fits; false when bytes were dropped. */
    boolean append(byte[] b, int off, int len) {
        size += len;
        int room = Math.max(0, maxBytes - out.size());
        out.write(b, off, Math.min(room, len));
        return room >= len;
    }

    long size() {
        return size;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
