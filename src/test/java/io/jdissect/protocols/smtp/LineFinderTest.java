package io.jdissect.protocols.smtp;

import io.jdissect.api.Tvb;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineFinderTest {
    @Test
    void lineLengthsAndNextOffsetsAsWiresharkFindsThem() {
        byte[] text = "MAIL FROM:<a@b>\r\nRCPT TO:<c@d>\nlone\rend\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Tvb tvb = Tvb.ofSource("t", text);
        int[] next = new int[1];
        assertEquals(15, LineFinder.find(tvb, 0, true, next));
        assertEquals(17, next[0]);
        assertEquals(13, LineFinder.find(tvb, 17, true, next));
        assertEquals(31, next[0]);
        assertEquals(4, LineFinder.find(tvb, 31, true, next));
        assertEquals(36, next[0]);
        // a CR that is the last byte: no end yet when desegmenting, else the line ends there
        assertEquals(-1, LineFinder.find(tvb, 36, true, next));
        assertEquals(3, LineFinder.find(tvb, 36, false, next));
        assertEquals(40, next[0]);
    }
}
