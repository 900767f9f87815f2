package io.jdissect.protocols.imf;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * jdissect's own reading of real messages (tshark's exports of the shared captures): RFC 2047
 * subjects in ISO-8859-1 (B), GB2312 (B) and UTF-8 (Q, folded over two encoded-words), and RFC 5322
 * address lists where tshark splits on every comma.
 */
class DecodedHeadersTest {
    private static ImfMessage message(String capture) throws IOException {
        Path dir = SharedTestdata.capture(capture).exportImf();
        try (var files = Files.list(dir)) {
            return ImfMessage.read(files.sorted().findFirst().orElseThrow());
        }
    }

    @Test
    void encodedWordSubjects() throws IOException {
        assertEquals("test \u00e5 \u00e9 \u00ee \u00f8 \u00fc", message("arkime__smtp-subject-8859-b.pcap").subject());
        assertEquals("test \u6d4b\u8bd5", message("arkime__smtp-subject-gb2312-b.pcap").subject());
        assertEquals("xxxxxx xxxxxx xx xxxxxxxxx xx-xxxxxxx\uff08ANA\uff09GGL_xxxxxxxxxxxxx_xxxxxx.zip",
                message("arkime__smtp-subject-utf8-q.pcap").subject());
    }

    @Test
    void quotedDisplayNameWithItsCommaIsOneMailbox() {
        ImfMessage m = ImfMessage.parse(("From: \"Doe, John\" <j@x.test>\r\nTo: a@x.test, Team: b@x.test,"
                + " \"C, D\" <c@x.test>;, e@x.test (Eve)\r\n\r\n").getBytes());
        assertEquals(List.of(new MailAddress("Doe, John", "j@x.test", null)), m.from());
        assertEquals(List.of(new MailAddress("", "a@x.test", null), new MailAddress("", "b@x.test", "Team"),
                new MailAddress("C, D", "c@x.test", "Team"), new MailAddress("Eve", "e@x.test", null)),
                m.addresses("To"));
    }
}
