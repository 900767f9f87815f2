package io.jdissect.plugins.c2;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The analyzer over every shared capture (../shared/testdata, skipped when absent): the findings
 * are exactly these, and their evidence is what tshark's stored {@code -T fields} output shows.
 * What they mean, capture by capture, is in the plugin's README ("On the shared captures").
 */
class SharedCapturesTest {
    private static final Map<String, List<String>> EXPECTED = new TreeMap<>();

    static {
        // Postfix on loopback offers STARTTLS; swaks sends mail without it: information only.
        for (String c : List.of("fmt_any_sll.pcap", "fmt_any_sll2.pcap")) {
            EXPECTED.put(c, List.of("starttls-not-used info [7, 8] 0"));
        }
        for (String c : List.of("fmt_lo.pcapng", "fmt_lo_nsec.pcap", "fmt_lo_usec.pcap", "smtp_dot_stuffing.pcap",
                "smtp_ehlo_basic.pcap", "smtp_large_data_lo64k.pcap", "smtp_mime_multipart.pcap",
                "smtp_multi_rcpt.pcap", "smtp_pipelining.pcap", "zeek__rfc3030-bdat-0-last.pcap")) {
            EXPECTED.put(c, List.of("starttls-not-used info [8, " + (c.startsWith("zeek") ? 10 : 9) + "] 0"));
        }
        EXPECTED.put("zeek__rfc3030-bdat-example1.pcap", List.of("starttls-not-used info [8, 10] 0"));
        EXPECTED.put("zeek__rfc3030-bdat-multipart.pcap", List.of("starttls-not-used info [8, 10] 0"));
        EXPECTED.put("zeek__smtp-bdat-cmd-invalid.pcapng", List.of("starttls-not-used info [8, 10] 0",
                "starttls-not-used info [30, 32] 1", "starttls-not-used info [52, 54] 2"));
        EXPECTED.put("zeek__smtp-bdat-pipeline-8bitmime.pcap", List.of("starttls-not-used info [7, 9] 0"));
        EXPECTED.put("zeek__smtp-multi-addr.pcap", List.of("starttls-not-used info [7, 8] 0"));
        EXPECTED.put("arkime__smtp-originating.pcap", List.of("starttls-not-used info [8, 9] 0"));
        EXPECTED.put("arkime__smtp-rcpt-553.pcap", List.of("starttls-not-used info [8, 9] 0"));
        EXPECTED.put("arkime__smtp-subject-8859-b.pcap", List.of("starttls-not-used info [7, 8] 0"));
        EXPECTED.put("arkime__smtp-subject-gb2312-b.pcap", List.of("starttls-not-used info [7, 8] 0"));
        EXPECTED.put("arkime__smtp-subject-utf8-q.pcap", List.of("starttls-not-used info [7, 8] 0"));
        EXPECTED.put("suricata-verify__smtp-errors.pcap", List.of("starttls-not-used info [134, 135] 2"));
        // AUTH PLAIN to AOL's submission port, offered STARTTLS unused, accepted
        EXPECTED.put("arkime__smtp-data-250.pcap", List.of("starttls-not-used low [8, 9] 0",
                "cleartext-credentials high [9, 11] 0"));
        EXPECTED.put("arkime__smtp-data-521.pcap", List.of("starttls-not-used low [7, 8] 0",
                "cleartext-credentials high [8, 10, 12] 0"));
        // AUTH LOGIN accepted; the server offered no STARTTLS
        EXPECTED.put("suricata-verify__smtp-bug-5981.pcap", List.of("cleartext-credentials high [7, 9, 11, 13] 0"));
        EXPECTED.put("suricata-verify__smtp-long-DATA-line.pcap",
                List.of("cleartext-credentials high [7, 9, 11, 13] 0"));
        // AUTH LOGIN, then QUIT where the username belongs: no credentials, no final reply
        EXPECTED.put("suricata-verify__smtp-long-command.pcap", List.of("starttls-not-used low [13, 15] 0",
                "cleartext-credentials low [15] 0"));
        // a SHA-256 in the subject and in the RFC 2231 file name of a test message
        EXPECTED.put("suricata-verify__smtp-rfc2231.pcap", List.of("starttls-not-used info [8, 10] 0",
                "high-entropy-subject medium [142] 0", "high-entropy-attachment-name low [142] 0"));
        // decoded as SMTP on 2525 (-d, as the manifest says)
        EXPECTED.put("suricata-verify__smtp-url-base64-port2525.pcap", List.of("nonstandard-port low [5] 0"));
        // Outlook's AUTH LOGIN accepted after STARTTLS was offered (the x-cr-hashedpuzzle header is ignored)
        for (String c : List.of("wireshark-wiki__smtp.pcap", "zeek__smtp.pcap")) {
            EXPECTED.put(c, List.of("starttls-not-used low [9, 10] 0", "cleartext-credentials high [10, 12, 14, 15] 0"));
        }
    }

    @Test
    void everySharedCaptureGivesItsFindingsWithTsharksValues() throws IOException {
        Path shared = Captures.shared();
        Map<String, List<String>> actual = new TreeMap<>();
        Map<String, List<String>> expected = new TreeMap<>();
        try (Stream<Path> files = Stream.concat(Files.list(shared.resolve("public")), Files.list(shared.resolve("generated")))) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches(".*\\.pcap(ng)?")).sorted().toList()) {
                String name = p.getFileName().toString();
                List<Finding> found = Captures.findings(p, "", "tcp.port==2525,smtp");
                Map<Long, Map<String, String>> tshark = Captures.tsharkFields(p);
                found.forEach(f -> TsharkEvidence.check(name, f, tshark));
                actual.put(name, found.stream().map(f -> f.rule() + " " + f.severity().label() + " " + f.frames()
                        + " " + f.stream()).toList());
                expected.put(name, EXPECTED.getOrDefault(name, List.of()));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void outlooksPuzzleHeaderIsABase64BlobWhenNotIgnored() {
        Path p = Captures.shared().resolve("public/wireshark-wiki__smtp.pcap");
        List<Finding> found = Captures.findings(p, "ignore-headers=");
        Finding header = found.get(found.size() - 1);
        assertEquals("encoded-header medium [45]", header.rule() + " " + header.severity().label() + " " + header.frames());
        assertEquals("x-cr-hashedpuzzle", SyntheticCapturesTest.value(header, "imf.x.header.name"));
        TsharkEvidence.check(p.toString(), header, Captures.tsharkFields(p));
    }
}
