package io.jdissect.protocols.imf;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken mail: dissection and parsing finish quickly, never throw, and report the
 * caps they hit (preferences imf.x_max_headers, imf.x_max_depth, imf.x_max_header_length).
 */
@Timeout(20)
class BadMailTest {
    private final JDissect setup = JDissect.create();

    private Packet dissect(String mail) {
        return ImfMessage.dissect(mail.getBytes(StandardCharsets.ISO_8859_1), setup);
    }

    @Test
    void headerWithoutColonIsGluedToTheNextNameAsTsharkDoes() {
        Packet p = dissect("Subject: a\r\nno colon here\r\nFrom: x@y\r\n\r\nbody\r\n");
        assertEquals("no colon here\r\nFrom", p.first("imf.extension.type").stringValue());
        assertEquals(1, ImfMessage.parse(("Subject: a\r\nno colon here\r\nFrom: x@y\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)).problems().size());
    }

    @Test
    void endlessFoldingIsOneValueAndOurDecodedCopyIsCapped() {
        String folded = "Subject: x" + "\r\n y".repeat(200_000) + "\r\n\r\nbody\r\n";
        Packet p = dissect(folded);
        assertTrue(p.first("imf.subject").stringValue().length() > 600_000);
        assertEquals(65_536, p.first("imf.x.subject").stringValue().length());
        assertFalse(p.fields("imf.x.value_truncated").isEmpty());
    }

    @Test
    void tenThousandHeadersHitTheCapAndAreReported() {
        JDissect capped = JDissect.builder().preference("imf.x_max_headers", "1000").build();
        String mail = "X-A: 1\r\n".repeat(10_000) + "\r\nbody\r\n";
        Packet p = ImfMessage.dissect(mail.getBytes(StandardCharsets.US_ASCII), capped);
        assertEquals(1000, p.fields("imf.extension").size());
        assertFalse(p.fields("imf.x.header_limit").isEmpty());
    }

    @Test
    void missingBoundaryIsFlaggedAsTsharkFlagsIt() {
        Packet p = dissect("Content-Type: multipart/mixed; charset=x\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n");
        assertFalse(p.fields("mime_multipart.no_required_parameter").isEmpty());
        assertTrue(p.has("data.data"));
    }

    @Test
    void unterminatedMultipartStopsAtTheOpenPart() {
        String mail = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nno end";
        Packet p = dissect(mail);
        assertEquals(1, p.fields("mime_multipart.part").size());
        assertFalse(p.has("mime_multipart.last_boundary"));
        ImfMessage m = ImfMessage.parse(mail.getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, m.root().children().size());
        assertTrue(m.problems().contains("multipart not terminated by a close delimiter"));
    }

    @Test
    void invalidBase64IsDecodedLenientlyAndReported() {
        String mail = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nQUJD!!!RA==\r\n--b--\r\n";
        Packet p = dissect(mail);
        assertEquals(4L, p.first("mime_multipart.x.decoded_length").longValue());
        assertFalse(p.fields("mime_multipart.x.invalid_encoding").isEmpty());
    }

    @Test
    void unknownCharsetIsLeftEncodedAndReported() {
        Packet p = dissect("Subject: =?x-unknown?Q?abc?= =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n\r\n");
        assertEquals("=?x-unknown?Q?abc?= Grüße", p.first("imf.x.subject").stringValue());
        assertFalse(p.fields("imf.x.unknown_charset").isEmpty());
    }

    @Test
    void mimeNestedAThousandDeepStopsAtTheDepthCap() {
        StringBuilder mail = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=b").append(i).append("q\r\n\r\n--b").append(i).append("q")
                    .append("\r\n");
        }
        mail.append("\r\ninner");
        for (int i = 999; i >= 0; i--) {
            mail.append("\r\n--b").append(i).append("q--");
        }
        mail.append("\r\n");
        Packet p = dissect(mail.toString());
        assertEquals(20, p.fields("mime_multipart").size());
        assertEquals(1, p.fields("mime_multipart.x.depth_limit").size());
        ImfMessage m = ImfMessage.parse(mail.toString().getBytes(StandardCharsets.US_ASCII));
        assertTrue(m.problems().stream().anyMatch(s -> s.startsWith("MIME nesting deeper than")));
    }

    @Test
    void messageRfc822NestedWithoutMultipartIsCappedToo() {
        String mail = "Content-Type: message/rfc822; x=y\r\n\r\n".repeat(2000) + "body\r\n";
        Packet p = dissect(mail);
        assertTrue(p.fields("imf").size() <= 21);
        assertFalse(p.fields("imf.x.depth_limit").isEmpty());
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(400)];
            r.nextBytes(b);
            String prefix = "Content-Type: multipart/mixed; boundary=\"q\"\r\n\r\n--q\r\n";
            byte[] mail = (prefix + new String(b, StandardCharsets.ISO_8859_1) + "\r\n--q").getBytes(StandardCharsets.ISO_8859_1);
            ImfMessage.dissect(mail, setup);
            ImfMessage.parse(mail).attachments().forEach(a -> a.decodedBody());
        }
    }
}
