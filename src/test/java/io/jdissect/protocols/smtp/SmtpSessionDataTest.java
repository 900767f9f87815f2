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
        SmtpSession s = new SmtpSession(limits, new MessageChunks(Long.MAX_VALUE));
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

    @Test
    void randomLinesInRandomSegmentsAreKeptAsRfc5321Reads() {
        // Lines that start with dots, hold lone CRs, or are longer than the cap, in random segments:
        // the message is each line cut at the cap, without its stuffed dot (RFC 5321 4.5.2).
        java.util.Random random = new java.util.Random(29);
        int cap = 20;
        SmtpLimits limits = new SmtpLimits(cap, 100, 16 << 20);
        char[] alphabet = {'a', 'a', 'a', '.', '\r', ' '};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder content = new StringBuilder();
            StringBuilder kept = new StringBuilder();
            for (int lines = random.nextInt(12); lines > 0; lines--) {
                StringBuilder line = new StringBuilder();
                for (int n = random.nextInt(30); n > 0; n--) {
                    line.append(alphabet[random.nextInt(alphabet.length)]);
                }
                line.append(random.nextBoolean() ? "\r\n" : "\n");
                String cut = line.substring(0, Math.min(cap, line.length()));
                String text = cut.endsWith("\n") ? cut.substring(0, cut.length() - 1) : cut;
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.equals(".")) {
                    continue; // the end of data, which comes last
                }
                content.append(line);
                kept.append(cut.startsWith(".") ? cut.substring(1) : cut);
            }
            content.append(".\r\n");
            int[] cuts = random.ints(random.nextInt(4), 1, content.length()).sorted().distinct().toArray();
            assertEquals(kept.toString(), message(limits, content.toString(), cuts),
                    () -> content + " cut at " + java.util.Arrays.toString(cuts));
        }
    }
}
