package io.jdissect.protocols.smtp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two session views on synthetic segments: tshark's classification (values as fields.md 1.2-1.8
 * records them from tshark 4.0 runs) and jdissect's own (RFC) view, including each deliberate
 * divergence from tshark listed in the README.
 */
class SmtpStateMachineTest {
    @Test
    void pipelinedCommandsAndSplitReplies() {
        SmtpSegments s = new SmtpSegments();
        s.server("220 mail.example.test ESMTP\r\n");
        SmtpSegments.Result c = s.client("MAIL FROM:<dave@example.test>\r\nRCPT TO:<erin@example.test>\r\nDATA\r\n");
        assertEquals("C: MAIL FROM:<dave@example.test> | RCPT TO:<erin@example.test> | DATA", c.info());
        assertEquals(List.of("MAIL", "RCPT", "DATA"), c.values("smtp.req.command"));
        assertEquals(List.of("FROM:<dave@example.test>", "TO:<erin@example.test>"), c.values("smtp.req.parameter"));
        assertEquals(List.of("dave@example.test"), c.values("smtp.x.mail.from"));
        SmtpSegments.Result r = s.server("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data\r\n");
        assertEquals(List.of("250", "250", "354"), r.values("smtp.response.code"));
        assertEquals(List.of("2.1.0", "2.1.5"), r.values("smtp.x.status"));
        assertEquals(3, r.events().exchanges().size());
        assertEquals("DATA", r.events().exchanges().get(2).request());
    }

    @Test
    void dataIsDotUnstuffedInTheTransactionButNotInTsharksReassembly() {
        SmtpSegments s = new SmtpSegments();
        s.client("EHLO x\r\n");
        s.server("250 ok\r\n");
        s.client("MAIL FROM:<a@b>\r\n");
        s.server("250 ok\r\n");
        s.client("RCPT TO:<c@d>\r\n");
        s.server("250 ok\r\n");
        s.client("DATA\r\n");
        s.server("354 go\r\n");
        SmtpSegments.Result body = s.client("Subject: x\r\n\r\n..dot\r\n");
        assertEquals("C: DATA fragment, 21 bytes", body.info());
        SmtpSegments.Result eom = s.client(".\r\n");
        assertEquals(1, eom.root().find("smtp.eom").size());
        assertEquals(List.of("21"), eom.values("smtp.data.reassembled.length"));
        SmtpTransaction t = eom.events().finishedTransaction();
        assertNotNull(t);
        assertEquals("Subject: x\r\n\r\n.dot\r\n", new String(t.message(), StandardCharsets.ISO_8859_1));
        assertEquals("a@b", t.mailFrom());
        assertEquals("c@d", t.recipients().get(0).address());
        SmtpSegments.Result queued = s.server("250 2.0.0 queued\r\n");
        assertEquals(250, t.endReplyCode());
        assertEquals(".", queued.events().exchanges().get(0).request());
    }

    /** tshark issue 13030: a BDAT chunk ending inside a segment keeps tshark in data mode. */
    @Test
    void bdatChunkEndingInsideASegmentIsFollowedByCommands() {
        SmtpSegments s = new SmtpSegments();
        s.client("EHLO x\r\n");
        s.client("MAIL FROM:<a@b>\r\n");
        s.client("BDAT 5 LAST\r\n");
        SmtpSegments.Result r = s.client("hello" + "QUIT\r\n");
        // tshark counts the whole segment (11 octets) against the chunk of 5: still "DATA fragment".
        assertEquals("C: DATA fragment, 11 bytes", r.info());
        assertEquals(List.of(), r.values("smtp.req.command"));
        // our view: 5 chunk octets, then the QUIT command
        assertEquals(List.of("5"), r.values("smtp.x.bdat.octets"));
        assertEquals(List.of("QUIT"), r.values("smtp.x.verb"));
        assertEquals(5, r.events().chunkEndOffset());
        assertEquals("hello", new String(r.events().finishedTransaction().message(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of(""), r.values("smtp.x.bdat.chunk_end"));
    }

    @Test
    void refusedStarttlsStaysClearText() {
        SmtpSegments s = new SmtpSegments();
        s.client("STARTTLS\r\n");
        SmtpSegments.Result refused = s.server("454 4.7.0 TLS not available\r\n");
        assertTrue(refused.events().starttlsRefused());
        assertEquals(1, refused.root().find("smtp.x.starttls.refused").size());
        SmtpSegments.Result next = s.client("MAIL FROM:<a@b>\r\n");
        assertEquals("C: MAIL FROM:<a@b>", next.info());
        assertEquals(List.of("MAIL"), next.values("smtp.req.command"));
    }

    @Test
    void clearTextAfterTheStarttls220IsFlagged() {
        SmtpSegments s = new SmtpSegments();
        s.client("STARTTLS\r\n");
        SmtpSegments.Result r = s.server("220 2.0.0 Ready to start TLS\r\n250 injected\r\n");
        assertEquals(30, r.events().injectedOffset());
        assertEquals(1, r.root().find("smtp.x.starttls.injected").size());
        SmtpSegments.Result tls = s.client("\u0016\u0003\u0001\u0000\u0005hello");
        assertEquals(List.of(), tls.values("smtp.req.command"));
        assertEquals("TLS", tls.pinfo().columns().protocol());
    }

    @Test
    void verbTableInsteadOfFourLetters() {
        SmtpSegments s = new SmtpSegments();
        s.client("EHLO x\r\n");
        s.server("250 ok\r\n");
        SmtpSegments.Result r = s.client("XYZZ magic\r\n");
        assertEquals(List.of("XYZZ"), r.values("smtp.req.command"));
        assertEquals(List.of(), r.values("smtp.x.verb"));
        assertEquals(1, r.root().find("smtp.x.unknown_command").size());
        SmtpSegments.Result st = s.client("STARTTLS\r\n");
        assertEquals(List.of("STAR"), st.values("smtp.req.command"));
        assertEquals(List.of("STARTTLS"), st.values("smtp.x.verb"));
    }

    @Test
    void authLoginDefaultAndDecoded() {
        for (boolean decode : new boolean[] {false, true}) {
            SmtpSegments s = decode ? new SmtpSegments("smtp.decryption:TRUE") : new SmtpSegments();
            s.client("AUTH LOGIN\r\n");
            SmtpSegments.Result q = s.server("334 VXNlcm5hbWU6\r\n");
            assertEquals(decode ? "S: 334 Username:" : "S: 334 VXNlcm5hbWU6", q.info());
            SmtpSegments.Result u = s.client("YWxpY2U=\r\n");
            assertEquals(decode ? "C: User: alice" : "C: User: YWxpY2U=", u.info());
            assertEquals(List.of("alice"), u.values("smtp.x.auth.username"));
            assertEquals(List.of(), u.values("smtp.command_line"));
            assertEquals(List.of("1"), u.values("smtp.req"));
            s.server("334 UGFzc3dvcmQ6\r\n");
            SmtpSegments.Result p = s.client("UzNjcjN0IQ==\r\n");
            assertEquals(decode ? "C: Pass: S3cr3t!" : "C: Pass: UzNjcjN0IQ==", p.info());
            assertEquals(List.of("S3cr3t!"), p.values("smtp.x.auth.password"));
        }
    }

    @Test
    void authPlainInline() {
        SmtpSegments s = new SmtpSegments();
        SmtpSegments.Result r = s.client("AUTH PLAIN AGRhdmUAcGE1NXdvcmQ=\r\n");
        assertEquals("C: AUTH PLAIN AGRhdmUAcGE1NXdvcmQ=", r.info());
        assertEquals(List.of("AGRhdmUAcGE1NXdvcmQ="), r.values("smtp.auth.username_password"));
        assertEquals(1, r.root().find("smtp.base64_decode").size());
        assertEquals(List.of("dave"), r.values("smtp.x.auth.username"));
        assertEquals(List.of("pa55word"), r.values("smtp.x.auth.password"));
        SmtpSegments d = new SmtpSegments("smtp.decryption:TRUE");
        assertEquals("C: AUTH PLAIN User: dave  Pass: pa55word", d.client("AUTH PLAIN AGRhdmUAcGE1NXdvcmQ=\r\n").info());
    }

    @Test
    void rejectedDataMakesTsharkTakeQuitForData() {
        SmtpSegments s = new SmtpSegments();
        s.client("EHLO x\r\n");
        s.server("250 ok\r\n");
        s.client("DATA\r\n");
        s.server("554 no valid recipients\r\n");
        SmtpSegments.Result q = s.client("QUIT\r\n");
        assertEquals("C: DATA fragment, 6 bytes", q.info());
        assertEquals(List.of("QUIT"), q.values("smtp.x.verb"));
    }

    @Test
    void multilineReplyWithChangingCodeIsFlagged() {
        SmtpSegments s = new SmtpSegments();
        SmtpSegments.Result r = s.server("250-a\r\n251-b\r\n250 c\r\n");
        assertEquals("S: 250-a | b | c", r.info());
        assertEquals(List.of("a", "b", "c"), r.values("smtp.rsp.parameter"));
        assertEquals(1, r.root().find("smtp.response.code.unexpected").size());
    }

    @Test
    void binaryAndOverlongInputNeverThrow() {
        SmtpSegments s = new SmtpSegments();
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            junk.append((char) (i * 7 & 0xff));
        }
        s.client(junk.toString());
        s.server(junk.toString());
        assertEquals("C: MAIL FROM:<a@b>", s.client("\r\nMAIL FROM:<a@b>\r\n").info().replace("C:  | ", "C: "));
    }
}
