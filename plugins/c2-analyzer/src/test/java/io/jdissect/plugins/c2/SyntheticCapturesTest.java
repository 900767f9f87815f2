package io.jdissect.plugins.c2;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The captures of testdata/make_captures.py, each made to show some findings: the findings are
 * exactly those (rule, severity, frames), and every piece of evidence jdissect names is the value
 * tshark 4.0 shows on that frame (testdata/*.fields.tsv, made by record-tshark.sh).
 */
class SyntheticCapturesTest {
    private static final String DECODE_8025 = "tcp.port==8025,smtp";

    /** rule, severity and frames of each finding, in order, checked against tshark's output too. */
    private static List<String> summary(String capture, String args) {
        Path p = Captures.own(capture);
        List<Finding> found = Captures.findings(p, args, DECODE_8025);
        Map<Long, Map<String, String>> tshark = Captures.tsharkFields(p);
        found.forEach(f -> TsharkEvidence.check(capture, f, tshark));
        return found.stream().map(f -> f.rule() + " " + f.severity().label() + " " + f.frames()).toList();
    }

    @Test
    void regularSessionsToOneServerAreBeaconing() {
        // 10.0.0.5 every 60 s (the six SYNs of tcp.stream 0,3,4,5,6,9); 10.0.0.6 at 5, 18, 250, 262 s is not
        assertEquals(List.of("beaconing medium [1, 58, 77, 96, 115, 172]"), summary("c2-beacon.pcap", ""));
    }

    @Test
    void beaconingStatisticsAreTsharksTimes() {
        Finding f = Captures.findings(Captures.own("c2-beacon.pcap"), "").get(0);
        Map<Long, Map<String, String>> tshark = Captures.tsharkFields(Captures.own("c2-beacon.pcap"));
        List<Long> frames = f.frames();
        double first = Double.parseDouble(tshark.get(frames.get(0)).get("frame.time_epoch"));
        double last = Double.parseDouble(tshark.get(frames.get(frames.size() - 1)).get("frame.time_epoch"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", (last - first) / (frames.size() - 1)),
                value(f, "c2.mean_interval"));
        assertEquals("10.0.0.5", f.client());
        assertEquals("192.0.2.25:25", f.server());
    }

    @Test
    void beaconingNeedsEnoughSessionsAndRegularity() {
        assertEquals(List.of(), summary("c2-beacon.pcap", "beacon-sessions=7"));
        assertEquals(List.of(), summary("c2-beacon.pcap", "beacon-cv=0.005"));
        assertEquals(List.of(), summary("c2-beacon.pcap", "beacon-interval=61"));
        // twice the minimum number of sessions is high
        assertEquals(List.of("beaconing high [1, 58, 77, 96, 115, 172]"), summary("c2-beacon.pcap", "beacon-sessions=3"));
    }

    @Test
    void contentSessionShowsEveryMessageAndSessionRule() {
        assertEquals(List.of(
                "starttls-not-used low [6, 7]",              // 250-STARTTLS offered, AUTH LOGIN next
                "cleartext-credentials high [7, 9, 11, 12]", // AUTH LOGIN, user, password, 235
                "high-entropy-subject medium [19]",          // Report kq3Xv9TzLmR8pW2aZ7bQ
                "high-entropy-attachment-name low [19]",     // a8F3kZ9qLm2xW7pR.bin
                "encoded-header medium [19]",                // X-Session-Data: base64
                "encoded-body medium [19]"),                 // base64 lines in text/plain
                summary("c2-content.pcap", ""));
    }

    @Test
    void contentEvidence() {
        List<Finding> f = Captures.findings(Captures.own("c2-content.pcap"), "");
        assertEquals("agent@example.test", value(f.get(1), "smtp.x.auth.username"));
        assertEquals("(7 characters, not shown)", value(f.get(1), "smtp.x.auth.password"));
        assertEquals("kq3Xv9TzLmR8pW2aZ7bQ", value(f.get(2), "c2.token"));
        assertEquals("a8F3kZ9qLm2xW7pR", value(f.get(3), "c2.token"));
        assertEquals("cmd=whoami;id=7f3a;host=WS-0042;", value(f.get(4), "c2.decoded_preview"));
        assertEquals("text/plain", value(f.get(5), "c2.content_type"));
        assertEquals("320", value(f.get(5), "c2.length")); // 240 bytes in base64, the declared attachment left out
        assertEquals("10.0.0.7:42001", f.get(0).client());
        assertEquals("192.0.2.25:25", f.get(0).server());
    }

    @Test
    void passwordsAreShownOnlyWhenAsked() {
        List<Finding> f = Captures.findings(Captures.own("c2-content.pcap"), "passwords=show");
        assertEquals("S3cret!", value(f.get(1), "smtp.x.auth.password"));
        Map<Long, Map<String, String>> tshark = Captures.tsharkFields(Captures.own("c2-content.pcap"));
        assertEquals(tshark.get(11L).get("smtp.auth.password"), value(f.get(1), "smtp.x.auth.password"));
    }

    @Test
    void nonStandardPortAndRefusedPlain() {
        assertEquals(List.of(
                "nonstandard-port low [4]",            // tcp.srcport 8025 of the 220 greeting
                "cleartext-credentials medium [7, 8]"), // AUTH PLAIN bot7, 535
                summary("c2-port.pcap", ""));
        assertEquals(List.of("cleartext-credentials medium [7, 8]"), summary("c2-port.pcap", "ports=25:8025"));
    }

    @Test
    void minimumSeverityLeavesTheRestOut() {
        assertEquals(List.of("cleartext-credentials high [7, 9, 11, 12]"), summary("c2-content.pcap", "severity=high"));
    }

    @Test
    void ordinarySessionsHaveNoFindings() {
        // a plain message without AUTH, then a session that takes the STARTTLS it is offered
        assertEquals(List.of(), summary("ordinary.pcap", ""));
    }

    @Test
    void badInputGivesFindingsNotFailures() {
        // binary bytes as a command; AUTH LOGIN answered with text that is no base64, then RST: the username is
        // what tshark's lenient base64 makes of it (checked), unanswered; the unclosed multipart's base64 lines
        // (two segments) are still one blob; the header of one letter is none
        assertEquals(List.of("cleartext-credentials medium [7, 9]", "encoded-body medium [25]"), summary("junk.pcap", ""));
        Finding body = Captures.findings(Captures.own("junk.pcap"), "").get(1);
        assertEquals("3000", value(body, "c2.length"));
    }

    static String value(Finding f, String field) {
        return f.evidence().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().value();
    }
}
