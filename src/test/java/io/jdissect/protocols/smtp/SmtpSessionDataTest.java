package io.jdissect.protocols.smtp;

import io.jdissect.api.Timestamp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message {@link SmtpSession} keeps from DATA, whatever the segments' shapes: lines whole in a
 * segment (taken straight from it), lines split over segments, dot-stuffed lines, an end of data
 * split over segments, and lines beyond the line cap.
 */
class SmtpSessionDataTest {
    private static final String BODY = "Subject: hi\r\n\r\nfirst line\r\n..dot-stuffed\r\n.\tnot the end\r\nlast\r\n";
    private static final String KEPT = "Subject: hi\r\n\r\nfirst line\r\n.dot-stuffed\r\n\tnot the end\r\nlast\r\n";

    /** Sends the commands, then DATA's content cut at {@code cuts}; returns the finished transaction's message. */
    private static String message(SmtpLimits limits, String content, int... cuts) {
        SmtpSession s = new SmtpSession(limits);
        long frame = 1;
        for (String c : List.of("MAIL FROM:<a@e.x>\r\n", "RCPT TO:<b@e.x>\r\n", "DATA\r\n")) {
            send(s, c, frame++);
        }
        SmtpTransaction finished = null;
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : content.length();
            SmtpEvents ev = send(s, content.substring(from, to), frame++);
            if (ev.finished != null) {
                assertNull(finished, "one message");
                finished = ev.finished;
            }
            from = to;
        }
        assertNotNull(finished, "the end of data was seen");
        return new String(finished.message(), StandardCharsets.ISO_8859_1);
    }

    private static SmtpEvents send(SmtpSession s, String text, long frame) {
        byte[] b = ("xx" + text).getBytes(StandardCharsets.ISO_8859_1);
        SmtpEvents ev = new SmtpEvents();
        s.client(b, 2, b.length - 2, frame, new Timestamp(frame, 0), ev);
        return ev;
    }

    private static SmtpLimits defaults() {
        return new SmtpLimits(64 * 1024, 100, 16 << 20);
    }

    @Test
    void theMessageIsTheSameWhereverTheSegmentsEnd() {
        String content = BODY + ".\r\n";
        assertEquals(KEPT, message(defaults(), content));
        for (int cut = 1; cut < content.length(); cut++) {
            assertEquals(KEPT, message(defaults(), content, cut), "one cut at " + cut);
            for (int second = cut + 1; second < content.length(); second += 3) {
                assertEquals(KEPT, message(defaults(), content, cut, second), "cuts at " + cut + " and " + second);
            }
        }
    }

    @Test
    void linesBeyondTheLineCapAreCutWhetherWholeOrSplit() {
        SmtpLimits limits = new SmtpLimits(20, 100, 16 << 20);
        String content = "short\r\na line that is longer than twenty\r\nend\r\n.\r\n";
        String whole = message(limits, content);
        assertEquals("short\r\na line that is longeend\r\n", whole);
        assertEquals(whole, message(limits, content, 10));
        assertEquals(whole, message(limits, content, 7, 30));
        assertTrue(whole.length() < content.length());
    }
}
