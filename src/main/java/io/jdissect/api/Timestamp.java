package io.jdissect.api;

/**
 * A time with nanosecond resolution: seconds and nanoseconds since the epoch (absolute times) or
 * a signed offset (relative times). Nanoseconds are always in [0, 1e9) and carry the sign of the
 * seconds' direction only through {@code seconds}; relative times below zero keep Wireshark's
 * nstime convention ({@code -0.5} is seconds -0, nanos -500000000) via {@link #ofNanos}.
 */
public record Timestamp(long seconds, int nanos) implements Comparable<Timestamp> {
    public static final Timestamp ZERO = new Timestamp(0, 0);

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
        long total = toNanos();
        long abs = Math.abs(total);
        StringBuilder sb = new StringBuilder(24);
        if (total < 0) {
            sb.append('-');
        }
        sb.append(abs / 1_000_000_000L).append('.');
        long nanos = abs % 1_000_000_000L;
        for (long div = 100_000_000L; div > 0; div /= 10) { // %09d without a Formatter: this runs for every frame
            sb.append((char) ('0' + (nanos / div) % 10));
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Timestamp o) {
        return Long.compare(toNanos(), o.toNanos());
    }
}
