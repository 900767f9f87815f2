package io.jdissect.protocols.smtp;

import java.io.ByteArrayOutputStream;

/** Growing message bytes with an upper bound, so a never-ending DATA cannot exhaust memory. */
final class MessageBuffer {
    /** Bytes kept per message; the rest is counted but dropped. */
    static final int MAX_BYTES = 64 << 20;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long size;

    void append(byte[] b, int off, int len) {
        size += len;
        int room = Math.max(0, MAX_BYTES - out.size());
        out.write(b, off, Math.min(room, len));
    }

    long size() {
        return size;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
