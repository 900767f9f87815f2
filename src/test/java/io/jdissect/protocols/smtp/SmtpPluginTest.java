package io.jdissect.protocols.smtp;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.JDissect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration as tshark's (ports, preferences, media types) and bad input that must not break a session. */
class SmtpPluginTest {
    @Test
    void portsFromThePreferenceAnd587() {
        DissectorRegistry r = JDissect.builder().preference("smtp.tcp.port", "25,2525").build().registry();
        var tcp = r.table(DissectorRegistry.TCP_PORT);
        assertSame(r.handle("smtp"), tcp.get(25));
        assertSame(r.handle("smtp"), tcp.get(2525));
        assertSame(r.handle("smtp"), tcp.get(587));
        assertNull(JDissect.builder().build().registry().table(DissectorRegistry.TCP_PORT).get(2525));
        assertSame(r.handle("data-text-lines"), r.table(DissectorRegistry.MEDIA_TYPE).get("text/plain"));
    }

    @Test
    void tsharksPreferencesAreDeclared() {
        DissectorRegistry r = JDissect.builder().build().registry();
        assertEquals("TRUE", r.preferences().get("smtp.desegment_lines").value());
        assertEquals("TRUE", r.preferences().get("smtp.desegment_data").value());
        assertEquals("FALSE", r.preferences().get("smtp.decryption").value());
        assertEquals("25", r.preferences().get("smtp.tcp.port").value());
    }

    @Test
    void replyBeforeAnyCommandAndInvalidCodes() {
        SmtpSegments s = new SmtpSegments();
        SmtpSegments.Result r = s.server("hello\r\n2x0 bad\r\n99\r\n250 ok\r\n");
        // tshark: lines without three digits add only the separator to Info, no items
        assertEquals("S:  |  |  | 250 ok", r.info());
        assertEquals(List.of("250"), r.values("smtp.response.code"));
        assertTrue(r.events().exchanges().isEmpty());
    }

    @Test
    void dataThatNeverEnds() {
        SmtpSegments s = new SmtpSegments();
        s.client("MAIL FROM:<a@b>\r\n");
        s.server("250 ok\r\n");
        s.client("DATA\r\n");
        s.server("354 go\r\n");
        for (int i = 0; i < 200; i++) {
            SmtpSegments.Result r = s.client("line " + i + " of a message that never ends\r\n");
            assertEquals(null, r.events().finishedTransaction());
            assertTrue(r.info().startsWith("C: DATA fragment, "));
        }
    }
}
