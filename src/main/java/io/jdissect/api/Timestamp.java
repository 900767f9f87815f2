package io.jdissect.api;

/**
 * A time with nanosecond resolution: seconds and nanoseconds since the epoch (absolute times) or
 * a signed offset (relative times). Nanoseconds are always in [0, 1e9) and carry the sign of the
 * seconds' direction only through {@code seconds}; relative times below zero keep Wireshark's
 * nstime convention ({@code -0.5} is seconds -0, nanos -500000000) via {@link #ofNanos}.
 */
public record Timestamp(long seconds, int nanos) implements Comparable<Timestamp> {
    public static final Timestamp ZERO = new Timestamp(0, 0);
    /** The most bytes {@link #writeSeconds} writes. */
    public static final int SECONDS_TEXT_MAX = 21;

    public static Timestamp ofNanos(long totalNanos) {
        return new Timestamp(totalNanos / 1_000_000_000L, (int) (totalNanos % 1_000_000_000L));
    }

    public long toNanos() {
        return seconds * 1_000_000_000L + nanos;
    }

    public Timestamp minus(Timestamp other) {
        return ofNanos(toNanos() - other.toNanos());
    }

    /**
     * Wireshark's relative-time text with nine decimals, as in {@code frame.time_relative}
     * ("0.000469000", "-0.000100000").
     */
    public String toSecondsString() {
        byte[] text = new byte[SECONDS_TEXT_MAX];
        return new String(text, 0, writeSeconds(text, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * {@link #toSecondsString()} as ASCII into {@code out} from {@code at}, which has room for
     * {@link #SECONDS_TEXT_MAX} bytes; returns where it ends. Writers format several times of every
     * frame this way without a String each.
     */
    public int writeSeconds(byte[] out, int at) {
        long total = toNanos();
        int i = at;
        if (total < 0) {
            out[i++] = '-';
        }
        // Both parts as magnitudes, digits from the last (constant divisors: no division instruction).
        long secs = Math.abs(total / 1_000_000_000L);
        int nanos = (int) Math.abs(total % 1_000_000_000L);
        int digits = 1;
        for (long t = secs; t >= 10; t /= 10) {
            digits++;
        }
        for (int d = i + digits - 1; d >= i; d--) {
            out[d] = (byte) ('0' + secs % 10);
            secs /= 10;
        }
        i += digits;
        out[i++] = '.';
        for (int d = i + 8; d >= i; d--) {
            out[d] = (byte) ('0' + nanos % 10);
            nanos /= 10;
        }
        return i + 9;
    }

    @Override
    public int compareTo(Timestamp o) {
        return Long.compare(toNanos(), o.toNanos());
    }
}
