package io.jdissect.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Relative times as tshark writes them (frame.time_relative, frame.time_delta): nine decimals. */
class TimestampTest {
    @Test
    void secondsTextAsTsharkWritesIt() {
        assertEquals("0.000000000", Timestamp.ZERO.toSecondsString());
        assertEquals("0.000469000", Timestamp.ofNanos(469_000).toSecondsString());
        assertEquals("-0.000100000", Timestamp.ofNanos(-100_000).toSecondsString());
        assertEquals("-1.500000000", Timestamp.ofNanos(-1_500_000_000L).toSecondsString());
        assertEquals("10.000000001", new Timestamp(10, 1).toSecondsString());
        assertEquals("1700000000.123456789", new Timestamp(1_700_000_000L, 123_456_789).toSecondsString());
        assertEquals("-9223372036.854775808", Timestamp.ofNanos(Long.MIN_VALUE).toSecondsString());
        assertEquals("9223372036.854775807", Timestamp.ofNanos(Long.MAX_VALUE).toSecondsString());
    }

    @Test
    void writtenAsBytesFromAnOffset() {
        byte[] out = new byte[3 + Timestamp.SECONDS_TEXT_MAX];
        Timestamp t = Timestamp.ofNanos(-12_345_678_901L);
        int end = t.writeSeconds(out, 3);
        assertEquals("-12.345678901", new String(out, 3, end - 3, StandardCharsets.ISO_8859_1));
        assertEquals(t.toSecondsString().length(), end - 3);
        assertEquals(0, out[0]);
    }
}
