package io.jdissect.api;

import java.nio.charset.StandardCharsets;

/**
 * A view of packet bytes (Wireshark's tvbuff): a window on a backing array, with the number of
 * bytes captured and the number the packet really had on the wire ({@code reportedLength}).
 * Reading past the captured bytes of a packet that was longer on the wire throws
 * {@link BoundsException#truncated}; reading past the reported length throws
 * {@link BoundsException#malformed}. Each view knows its data source ("Frame",
 * "Reassembled TCP", …) and its offset there, so every tree item can point at its bytes.
 */
public final class Tvb {
    private final byte[] data;
    private final int start;
    private final int length;
    private final int reportedLength;
    private final Tvb source;
    private final String sourceName;

    private Tvb(byte[] data, int start, int length, int reportedLength, Tvb source, String sourceName) {
        this.data = data;
        this.start = start;
        this.length = length;
        this.reportedLength = reportedLength;
        this.source = source == null ? this : source;
        this.sourceName = sourceName;
    }

    /** A new data source over {@code data[0..length)}, {@code reportedLength} bytes on the wire. */
    public static Tvb ofSource(String name, byte[] data, int length, int reportedLength) {
        return new Tvb(data, 0, length, Math.max(length, reportedLength), null, name);
    }

    /** A new data source holding exactly {@code data} (reassembled or decoded bytes). */
    public static Tvb ofSource(String name, byte[] data) {
        return ofSource(name, data, data.length, data.length);
    }

    /** The bytes from {@code offset} to the end. */
    public Tvb subset(int offset) {
        checkStart(offset);
        return new Tvb(data, start + offset, length - offset, reportedLength - offset, source, sourceName);
    }

    /** {@code len} bytes from {@code offset}; the view's captured part may be shorter if truncated. */
    public Tvb subset(int offset, int len) {
        checkStart(offset);
        if (len < 0 || offset + (long) len > reportedLength) {
            throw BoundsException.malformed(offset, len, reportedLength);
        }
        int cap = Math.min(len, length - offset);
        return new Tvb(data, start + offset, cap, len, source, sourceName);
    }

    private void checkStart(int offset) {
        if (offset < 0 || offset > reportedLength) {
            throw BoundsException.malformed(offset, 0, reportedLength);
        }
        if (offset > length) {
            throw BoundsException.truncated(offset, 0, length);
        }
    }

    /** Throws unless {@code len} bytes at {@code offset} are captured. */
    public void ensure(int offset, int len) {
        if (offset < 0 || len < 0 || offset + (long) len > length) {
            if (offset + (long) len > reportedLength || offset < 0 || len < 0) {
                throw BoundsException.malformed(offset, len, reportedLength);
            }
            throw BoundsException.truncated(offset, len, length);
        }
    }

    /** Captured bytes in this view. */
    public int length() {
        return length;
    }

    /** Bytes this view had on the wire. */
    public int reportedLength() {
        return reportedLength;
    }

    /** Captured bytes from {@code offset} on (0 if none or past the end). */
    public int remaining(int offset) {
        return Math.max(0, length - offset);
    }

    public boolean isTruncated() {
        return length < reportedLength;
    }

    public int u8(int offset) {
        ensure(offset, 1);
        return data[start + offset] & 0xff;
    }

    public int u16(int offset) {
        ensure(offset, 2);
        int p = start + offset;
        return ((data[p] & 0xff) << 8) | (data[p + 1] & 0xff);
    }

    public int u16le(int offset) {
        ensure(offset, 2);
        int p = start + offset;
        return ((data[p + 1] & 0xff) << 8) | (data[p] & 0xff);
    }

    public int u24(int offset) {
        ensure(offset, 3);
        int p = start + offset;
        return ((data[p] & 0xff) << 16) | ((data[p + 1] & 0xff) << 8) | (data[p + 2] & 0xff);
    }

    public long u32(int offset) {
        ensure(offset, 4);
        int p = start + offset;
        return ((long) (data[p] & 0xff) << 24) | ((data[p + 1] & 0xff) << 16)
                | ((data[p + 2] & 0xff) << 8) | (data[p + 3] & 0xff);
    }

    public long u32le(int offset) {
        ensure(offset, 4);
        int p = start + offset;
        return ((long) (data[p + 3] & 0xff) << 24) | ((data[p + 2] & 0xff) << 16)
                | ((data[p + 1] & 0xff) << 8) | (data[p] & 0xff);
    }

    /** A copy of {@code len} captured bytes at {@code offset}. */
    public byte[] bytes(int offset, int len) {
        ensure(offset, len);
        byte[] out = new byte[len];
        System.arraycopy(data, start + offset, out, 0, len);
        return out;
    }

    /** A copy of all captured bytes of this view. */
    public byte[] bytes() {
        return bytes(0, length);
    }

    /** Copies captured bytes into {@code dst}. */
    public void copyTo(int offset, byte[] dst, int dstOffset, int len) {
        ensure(offset, len);
        System.arraycopy(data, start + offset, dst, dstOffset, len);
    }

    /** ISO-8859-1 text of the bytes (one char per byte); callers decide how to show bytes >= 0x80. */
    public String latin1(int offset, int len) {
        ensure(offset, len);
        return new String(data, start + offset, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Text as Wireshark's ENC_ASCII gives it: bytes >= 0x80 become U+FFFD. The JDK's US-ASCII
     * decoding does exactly that, and for ASCII bytes it is one vectorised check and a copy (a
     * message with bare LF line ends is one IMF header field of up to megabytes; a loop through a
     * char array made its String in three passes).
     */
    public String ascii(int offset, int len) {
        ensure(offset, len);
        return new String(data, start + offset, len, StandardCharsets.US_ASCII);
    }

    /**
     * Text for the Info column and text-only tree lines as Wireshark's {@code tvb_format_text}
     * writes it: UTF-8, control characters as C escapes ({@code "USER bob\r\n"}), at most the
     * captured bytes.
     */
    public String formatText(int offset, int len) {
        return io.jdissect.protocols.text.TextFormat.of(this, offset, len);
    }

    /** First offset {@code >= from} (within captured bytes) holding {@code b}, or -1. */
    public int find(int from, byte b) {
        return find(from, length, b);
    }

    /** First offset in {@code [from, to)} (within captured bytes) holding {@code b}, or -1. */
    public int find(int from, int to, byte b) {
        int begin = Math.max(0, from);
        int end = Math.min(to, length);
        int at = begin < end ? ByteSearch.indexOf(data, start + begin, start + end, b) : -1;
        return at < 0 ? -1 : at - start;
    }

    /**
     * Wireshark's tvb_find_line_end: the length of the line starting at {@code offset} without its
     * end-of-line, or -1 if no CR or LF follows (then the line runs to the end). {@code next[0]}
     * receives the offset after the end-of-line (CRLF, LF or a lone CR).
     */
    public int findLineEnd(int offset, int[] next) {
        int at = offset < length ? ByteSearch.indexOfLineEnd(data, start + offset, start + length) : -1;
        if (at < 0) {
            next[0] = length;
            return -1;
        }
        int i = at - start;
        if (data[at] == '\r' && i + 1 < length && data[at + 1] == '\n') {
            next[0] = i + 2;
        } else {
            next[0] = i + 1;
        }
        return i - offset;
    }

    /** The data source this view belongs to (itself for a source). */
    public Tvb source() {
        return source;
    }

    /** Offset of this view's first byte within its data source. */
    public int sourceOffset() {
        return start - source.start;
    }

    /** Name of the data source, e.g. "Frame" or "Reassembled TCP". */
    public String sourceName() {
        return sourceName;
    }

    public boolean isSource() {
        return source == this;
    }

    /** Direct access for writers and fast paths: the backing array and where this view starts in it. */
    public byte[] array() {
        return data;
    }

    public int arrayOffset() {
        return start;
    }
}
