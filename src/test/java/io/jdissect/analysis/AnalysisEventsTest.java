package io.jdissect.analysis;

import io.jdissect.api.Analysis;
import io.jdissect.api.Analyzer;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.api.Report;
import io.jdissect.api.SmtpSessionEvent;
import io.jdissect.api.SmtpTransactionEvent;
import io.jdissect.api.TcpStreamEvent;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events {@link Analysis} derives, checked against tshark's fields of the same captures. */
class AnalysisEventsTest {
    /** Records every call, in order. */
    static final class Recorder implements Analyzer {
        final List<Object> events = new ArrayList<>();
        long packets;
        boolean ended;

        @Override
        public void packet(Packet packet) {
            packets++;
        }

        @Override
        public void tcpStreamOpened(TcpStreamEvent stream) {
            events.add("opened " + stream.stream() + " " + stream.cause() + " " + stream.client() + " " + stream.firstFrame());
        }

        @Override
        public void tcpStreamClosed(TcpStreamEvent stream) {
            events.add("closed " + stream.stream() + " " + stream.cause() + " " + stream.lastFrame() + " " + stream.packets());
        }

        @Override
        public void smtpTransaction(SmtpTransactionEvent t) {
            events.add(t);
        }

        @Override
        public void smtpSessionEnded(SmtpSessionEvent s) {
            events.add(s);
        }

        @Override
        public void end() {
            ended = true;
        }

        @Override
        public Report report() {
            return null;
        }
    }

    private static Recorder run(String capture, List<String> failures) throws IOException {
        Recorder r = new Recorder();
        Analysis a = new Analysis(failures::add).add("recorder", r);
        try (PacketStream packets = JDissect.create().open(SharedTestdata.capture(capture).file())) {
            a.run(packets);
        }
        return r;
    }

    private static List<String> column(String capture, String field) {
        SharedTestdata.FieldsTable t = SharedTestdata.FieldsTable.read(SharedTestdata.capture(capture).fieldsTsv());
        return t.columnByFrame(field).values().stream().filter(v -> !v.isEmpty()).toList();
    }

    @Test
    void streamOpensAtTheSynAndClosesAtTheSecondFin() throws IOException {
        String capture = "suricata-verify__smtp-multi-mail.pcap";
        List<String> failures = new ArrayList<>();
        Recorder r = run(capture, failures);
        assertEquals(List.of(), failures);
        // tshark: 39 frames in tcp.stream 0, SYN in frame 1 from 172.22.0.1:58122; FINs in frames 36 and 38
        SharedTestdata.FieldsTable t = SharedTestdata.FieldsTable.read(SharedTestdata.capture(capture).fieldsTsv());
        Map<Integer, String> fin = t.columnByFrame("tcp.flags.fin");
        List<Integer> finFrames = fin.entrySet().stream().filter(e -> e.getValue().equals("1")).map(Map.Entry::getKey).toList();
        assertEquals(2, finFrames.size());
        assertEquals(39, r.packets);
        assertEquals("opened 0 SYN 172.22.0.1:58122 1", r.events.get(0));
        Object last = r.events.get(r.events.size() - 1);
        assertEquals("closed 0 FIN " + finFrames.get(1) + " " + finFrames.get(1), last);
        assertTrue(r.ended);

        List<SmtpTransactionEvent> ts = r.events.stream().filter(SmtpTransactionEvent.class::isInstance)
                .map(SmtpTransactionEvent.class::cast).toList();
        assertEquals(column(capture, "imf.subject"), ts.stream().map(x -> x.headers().subject()).toList());
        assertEquals(column(capture, "imf.from"), ts.stream().map(x -> x.headers().from()).toList());
        // the recipients: tshark's RCPT parameters of the frames of each transaction, in order
        List<String> rcpts = new ArrayList<>();
        for (SmtpTransactionEvent x : ts) {
            x.recipients().forEach(rc -> rcpts.add("TO:<" + rc.address() + ">"));
            assertEquals(250, x.mailReplyCode());
            assertEquals(250, x.endReplyCode());
            assertTrue(x.replyFrame() > x.endFrame());
        }
        List<String> tsharkRcpts = new ArrayList<>();
        for (String p : column(capture, "smtp.req.parameter")) {
            for (String v : p.split(",")) {
                if (v.regionMatches(true, 0, "to:", 0, 3)) {
                    tsharkRcpts.add("TO:" + v.substring(3));
                }
            }
        }
        assertEquals(tsharkRcpts, rcpts);
        SmtpSessionEvent session = (SmtpSessionEvent) r.events.get(r.events.size() - 2);
        assertEquals(3, session.transactions());
        assertEquals("client.example.com", session.clientName());
        assertEquals(TcpStreamEvent.Cause.FIN, session.closedBy());
    }

    @Test
    void attachmentsComeFromTheMimeFields() throws IOException {
        String capture = "smtp_mime_multipart.pcap";
        Recorder r = run(capture, new ArrayList<>());
        SmtpTransactionEvent t = r.events.stream().filter(SmtpTransactionEvent.class::isInstance)
                .map(SmtpTransactionEvent.class::cast).findFirst().orElseThrow();
        assertEquals(1, t.attachments().size());
        SmtpTransactionEvent.Attachment a = t.attachments().get(0);
        assertEquals("data.bin", a.fileName());
        assertEquals("application/octet-stream", a.contentType());
        // tshark's mime_multipart.header.content-type names the part "data.bin"
        assertTrue(column(capture, "mime_multipart.header.content-type").get(0).contains("name=\"data.bin\""));
        assertEquals(3000, a.size());
        assertEquals(column(capture, "imf.message_id"), List.of(t.headers().messageId()));
        assertEquals(2, t.recipients().size());
    }

    @Test
    void attachmentHashIsThatOfTheBytesTsharkExported() throws IOException, NoSuchAlgorithmException {
        // tshark's --export-objects imf wrote the message; its base64 part named data.bin, decoded and hashed
        SharedTestdata.Capture c = SharedTestdata.capture("smtp_mime_multipart.pcap");
        String eml = Files.readString(c.exportImf().resolve("Multipart with attachment.eml"), StandardCharsets.ISO_8859_1);
        String part = eml.substring(eml.indexOf("filename=\"data.bin\""));
        part = part.substring(part.indexOf("\r\n\r\n") + 4);
        part = part.substring(0, part.indexOf("\r\n--"));
        byte[] decoded = Base64.getMimeDecoder().decode(part);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(decoded));
        Recorder r = run(c.name(), new ArrayList<>());
        SmtpTransactionEvent t = r.events.stream().filter(SmtpTransactionEvent.class::isInstance)
                .map(SmtpTransactionEvent.class::cast).findFirst().orElseThrow();
        assertEquals(List.of(new SmtpTransactionEvent.Attachment("data.bin", "application/octet-stream", decoded.length, sha)),
                t.attachments());
    }

    @Test
    void resetClosesTheStream() throws IOException {
        // tshark: frame 7 is the only one with tcp.flags 0x0004 (RST), after one FIN only
        SharedTestdata.FieldsTable t = SharedTestdata.FieldsTable.read(
                SharedTestdata.capture("suricata-verify__smtp-quit.pcap").fieldsTsv());
        assertEquals("0x0004", t.columnByFrame("tcp.flags").get(7));
        Recorder r = run("suricata-verify__smtp-quit.pcap", new ArrayList<>());
        Object last = r.events.get(r.events.size() - 1);
        assertTrue(last.toString().startsWith("closed 0 RST 7 "), last.toString());
        SmtpSessionEvent session = (SmtpSessionEvent) r.events.get(r.events.size() - 2);
        assertEquals(TcpStreamEvent.Cause.RST, session.closedBy());
    }

    @Test
    void streamStillOpenClosesAtTheEndOfTheCapture() throws IOException {
        // tshark: no FIN in this capture
        assertEquals(List.of(), column("arkime__smtp-nospaces.pcap", "tcp.flags.fin").stream().filter("1"::equals).toList());
        Recorder r = run("arkime__smtp-nospaces.pcap", new ArrayList<>());
        Object last = r.events.get(r.events.size() - 1);
        assertTrue(last.toString().startsWith("closed 0 END_OF_CAPTURE "), last.toString());
    }

    @Test
    void failingAnalyzerIsNamedDisabledAndTheOthersGoOn() throws IOException {
        List<String> failures = new ArrayList<>();
        Recorder good = new Recorder();
        Analyzer bad = new Analyzer() {
            int seen;

            @Override
            public void packet(Packet packet) {
                if (++seen == 3) {
                    throw new IllegalStateException("boom");
                }
            }

            @Override
            public Report report() {
                throw new AssertionError("a disabled analyzer is not asked for its report");
            }
        };
        Analysis a = new Analysis(failures::add).add("bad", bad).add("good", good);
        try (PacketStream packets = JDissect.create().open(SharedTestdata.capture("smtp_ehlo_basic.pcap").file())) {
            a.run(packets);
        }
        assertEquals(List.of("jdissect: analyzer \"bad\" failed and was disabled: java.lang.IllegalStateException: boom"), failures);
        assertEquals(List.of("good"), List.copyOf(a.analyzers().keySet()));
        assertNull(a.report("bad"));
        assertEquals(21, good.packets);
        assertTrue(good.ended);
    }
}
