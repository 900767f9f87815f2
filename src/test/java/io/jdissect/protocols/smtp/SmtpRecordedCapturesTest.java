package io.jdissect.protocols.smtp;

import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The captures recorded by {@code testdata/smtp/record.sh} (Postfix + swaks / a Python client on
 * loopback) and the edge cases written by {@code synthetic.py} (text2pcap), against tshark 4.0's
 * outputs stored beside them: smtp.* fields, Protocol and Info columns of SMTP frames, the
 * credentials tap, and our own view of the same sessions (transactions, BDAT, divergences).
 */
class SmtpRecordedCapturesTest {
    static final Path DIR = Path.of("testdata/smtp");

    static List<SharedTestdata.Capture> captures() throws IOException {
        List<SharedTestdata.Capture> out = new ArrayList<>();
        for (String manifest : new String[] {"manifest.tsv", "manifest-synthetic.tsv"}) {
            for (String line : Files.readAllLines(DIR.resolve(manifest), StandardCharsets.UTF_8)) {
                String[] c = line.split("\t", -1);
                if (!c[0].equals("file") && !line.isBlank()) {
                    out.add(new SharedTestdata.Capture(DIR.resolve(c[0]), c.length > 2 ? c[2] : "", Integer.parseInt(c[1])));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> fieldsAndColumnsAgreeWithTshark() throws IOException {
        return captures().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<String> m = new ArrayList<>(FieldsComparison.compare(c, f -> f.startsWith("smtp.")));
            m.addAll(SmtpMatchesTsharkTest.columns(c));
            assertEquals("", String.join("\n", m.subList(0, Math.min(20, m.size()))), m.size() + " mismatches");
        }));
    }

    /** tshark -z credentials on the decoded AUTH LOGIN session: packet 13, alice@example.test, "Username in packet 11". */
    @Test
    void credentialsTapAsTshark() throws Exception {
        List<String> tshark = Files.readAllLines(DIR.resolve("smtp_rec_auth_login_decoded.pcap.credentials.txt"));
        assertTrue(tshark.stream().anyMatch(l -> l.matches("13\\s+SMTP\\s+alice@example.test Username in packet 11")));
        List<SmtpCredentials.Credential> ours = new ArrayList<>();
        for (Packet p : open("smtp_rec_auth_login_decoded.pcap")) {
            ours.addAll(SmtpCredentials.of(p));
        }
        assertEquals(List.of(new SmtpCredentials.Credential(13, "SMTP", "alice@example.test", 11, "Username in packet 11")), ours);
    }

    /** Our transactions on the Postfix session with RSET and two messages (tshark has no such notion). */
    @Test
    void transactionsOfTheMultiMessageSession() throws Exception {
        List<SmtpTransaction> done = new ArrayList<>();
        List<SmtpExchange> exchanges = new ArrayList<>();
        for (Packet p : open("smtp_rec_multi.pcap")) {
            SmtpEvents e = SmtpEvents.of(p);
            if (e.finishedTransaction() != null) {
                done.add(e.finishedTransaction());
            }
            exchanges.addAll(e.exchanges());
        }
        assertEquals(2, done.size());
        SmtpTransaction first = done.get(0);
        assertEquals("sender@example.test", first.mailFrom());
        assertEquals(250, first.mailReplyCode());
        assertEquals(2, first.recipients().size());
        assertEquals(550, first.recipients().get(1).replyCode());
        assertEquals("Subject: first\r\n\r\n.a dot-stuffed line\r\nend\r\n",
                new String(first.message(), StandardCharsets.ISO_8859_1));
        assertEquals(250, first.endReplyCode());
        assertEquals(1, first.index());
        // the MAIL abandoned by RSET is transaction 2 and never finishes; the second message is 3
        assertEquals(3, done.get(1).index());
        assertEquals("Subject: second\r\n\r\nbody of the second message\r\n",
                new String(done.get(1).message(), StandardCharsets.ISO_8859_1));
        // the split "MAIL FR" + "OM:<…>" line is one command, answered by the 250 in frame 14
        assertTrue(exchanges.stream().anyMatch(x -> x.request().equals("MAIL FROM:<sender@example.test>")
                && x.replyFrame() == 14 && x.reply().code() == 250));
    }

    /** Our exact BDAT view on the Postfix session where a chunk ends inside a segment before QUIT. */
    @Test
    void bdatChunksJoinedByExactSize() throws Exception {
        List<SmtpTransaction> done = new ArrayList<>();
        for (Packet p : open("smtp_rec_bdat.pcap")) {
            if (p.number() == 39) {
                // tshark: "C: DATA fragment, 31 bytes" (whole segment); really 25 chunk octets, then QUIT
                assertEquals(List.of("QUIT"), p.fields("smtp.x.verb").stream().map(i -> i.stringValue()).toList());
                assertEquals(25L, p.first("smtp.x.bdat.octets").longValue());
                assertEquals(1, p.fields("smtp.x.bdat.chunk_end").size());
            }
            if (SmtpEvents.of(p).finishedTransaction() != null) {
                done.add(SmtpEvents.of(p).finishedTransaction());
            }
        }
        assertEquals(3, done.size());
        assertEquals("Subject: chunked 1\r\n\r\nfirst chunk\r\n", new String(done.get(0).message(), StandardCharsets.ISO_8859_1));
        assertEquals(2, done.get(0).chunks());
        assertEquals("Subject: chunked 2\r\n\r\nbinary \u0000\u0001\u00ff ok\r\n",
                new String(done.get(1).message(), StandardCharsets.ISO_8859_1));
        assertEquals("Subject: chunked 3\r\n\r\nx\r\n", new String(done.get(2).message(), StandardCharsets.ISO_8859_1));
    }

    /** The deliberate differences of the README on tshark-checked captures (tshark's fields agree above). */
    @Test
    void divergencesOnTheSyntheticCaptures() throws Exception {
        for (Packet p : open("smtp_syn_verbs.pcap")) {
            if (p.number() == 4) { // tshark "C: XYZZ magic": a command for tshark, no verb for us
                assertEquals(1, p.fields("smtp.x.unknown_command").size());
                assertTrue(p.fields("smtp.x.verb").isEmpty());
            }
            if (p.number() == 9) { // 454 to STARTTLS
                assertEquals(1, p.fields("smtp.x.starttls.refused").size());
            }
            if (p.number() == 16) { // tshark "C: DATA fragment, 6 bytes" after the 554 to DATA
                assertEquals(List.of("QUIT"), p.fields("smtp.x.verb").stream().map(i -> i.stringValue()).toList());
            }
        }
        for (Packet p : open("smtp_syn_starttls_injected.pcap")) {
            if (p.number() == 3) { // "220 … Ready to start TLS\r\n250 injected\r\n" in one segment
                assertEquals(1, p.fields("smtp.x.starttls.injected").size());
                assertEquals(30, p.first("smtp.x.starttls.injected").offset());
            }
        }
    }

    private static PacketStream open(String name) throws Exception {
        SharedTestdata.Capture c = captures().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return FieldsComparison.setupFor(c).open(c.file());
    }
}
