package io.jdissect.protocols.smtp;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.api.TreeItem;
import io.jdissect.testing.ConcurrentSmtpCapture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMTP's memory caps ({@link SmtpLimits}): each, set low, is hit on a recorded session and said in
 * an expert item on the frame that hit it; with the defaults none is. The message kept for export
 * stops at the message cap.
 */
class SmtpLimitsTest {
    private static final Path PIPELINING = Path.of("testdata/smtp/smtp_rec_pipelining.pcap");

    @Test
    void defaultsAreNotHit() throws IOException {
        assertEquals(List.of(), limitFrames(PIPELINING));
    }

    @Test
    void aLongLineIsCut() throws IOException {
        List<String> hits = limitFrames(PIPELINING, "smtp.jdissect.max_line_length", "8");
        assertTrue(hits.stream().anyMatch(h -> h.contains("line longer than smtp.jdissect.max_line_length")), hits.toString());
    }

    @Test
    void pipelinedRequestsBeyondTheCapForgetTheOldest() throws IOException {
        List<String> hits = limitFrames(PIPELINING, "smtp.jdissect.max_pending_commands", "1");
        assertTrue(hits.stream().anyMatch(h -> h.contains("smtp.jdissect.max_pending_commands")), hits.toString());
    }

    @Test
    void aLongMessageIsKeptOnlyUpToTheCap() throws IOException {
        JDissect jd = JDissect.builder().preference("smtp.jdissect.max_message_bytes", "100").build();
        List<Long> kept = new ArrayList<>();
        boolean hit = false;
        try (PacketStream packets = jd.open(PIPELINING)) {
            for (Packet p : packets) {
                SmtpEvents ev = SmtpEvents.of(p);
                hit |= ev.limitReached() != null && ev.limitReached().contains("max_message_bytes");
                if (ev.finishedTransaction() != null) {
                    kept.add((long) ev.finishedTransaction().message().length);
                }
            }
        }
        assertTrue(hit, "the message cap was reported");
        assertTrue(!kept.isEmpty() && kept.stream().allMatch(n -> n <= 100), kept.toString());
    }

    /**
     * Twelve clients close their connections in the middle of a 256 KiB message, after filling the
     * 1 MiB cap over all messages in flight: their messages can never end, so their share comes back,
     * and the message of the connection after them is kept (before, it got nothing and had no IMF).
     */
    @Test
    void messagesAbandonedByAClosedConnectionGiveTheirShareBack() throws IOException {
        JDissect jd = JDissect.builder().preference(MessageBuffer.MAX_TOTAL, "1048576").build();
        List<String> subjects = new ArrayList<>();
        try (PacketStream packets = jd.open(new ConcurrentSmtpCapture(12, 256 << 10,
                ConcurrentSmtpCapture.Payload.ABANDONED_MESSAGE), "abandoned")) {
            for (Packet p : packets) {
                for (TreeItem subject : p.fields("imf.subject")) {
                    subjects.add(subject.stringValue());
                }
            }
        }
        assertEquals(List.of("short"), subjects);
    }

    /** "frame: expert message" for each smtp.x.limit_reached item. */
    private static List<String> limitFrames(Path capture, String... prefs) throws IOException {
        JDissect.Builder b = JDissect.builder();
        for (int i = 0; i < prefs.length; i += 2) {
            b.preference(prefs[i], prefs[i + 1]);
        }
        List<String> out = new ArrayList<>();
        try (PacketStream packets = b.build().open(capture)) {
            for (Packet p : packets) {
                if (p.has("smtp.x.limit_reached")) {
                    for (TreeItem m : p.fields("_ws.expert.message")) {
                        out.add(p.number() + ": " + m.stringValue());
                    }
                }
            }
        }
        return out;
    }
}
