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
        // %09d without a Formatter, from the last digit (a constant divisor: no division instruction):
        // this runs for several fields of every frame.
        int nanos = (int) (abs % 1_000_000_000L);
        char[] digits = new char[9];
        for (int i = 8; i >= 0; i--) {
            digits[i] = (char) ('0' + nanos % 10);
            nanos /= 10;
        }
        return sb.append(abs / 1_000_000_000L).append('.').append(digits).toString();
    }

    @Override
    public int compareTo(Timestamp o) {
        return Long.compare(toNanos(), o.toNanos());
    }
}
