package io.jdissect.protocols.imf;

import io.jdissect.api.Tvb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NestedMessagesTest {
    private static boolean possible(String body) {
        return NestedMessages.possible("multipart/mixed", null, tvb(body));
    }

    private static Tvb tvb(String body) {
        return Tvb.ofSource("body", body.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** With the boundary known: only the part headers count. */
    private static boolean possibleWithBoundary(String body) {
        return NestedMessages.possible("multipart/mixed", " boundary=\"==b_1\"; charset=x", tvb(body));
    }

    @Test
    void findsTheMediaTypeInAnyCaseAnywhere() {
        assertTrue(possible("message/rfc822"));
        assertTrue(possible("--b\r\nContent-Type: Message/RFC822\r\n\r\nFrom: a"));
        assertTrue(possible("x".repeat(1000) + "MESSAGE/rfc822"));
        assertTrue(possible("messagemessage/rfc822rfc822"));
    }

    @Test
    void saysNoWhenNoPartCanBeAMessage() {
        assertFalse(possible(""));
        assertFalse(possible("message/rfc82"));
        assertFalse(possible("--b\r\nContent-Type: text/plain\r\n\r\nA message/rfc 822 mention\r\n--b--\r\n"));
        assertFalse(possible("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo/+/+message/rfc8".repeat(200)));
    }

    @Test
    void looksOnlyIntoMultipartBodies() {
        Tvb body = Tvb.ofSource("body", "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: a\r\n--b--\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(NestedMessages.possible("Multipart/Mixed", null, body));
        assertFalse(NestedMessages.possible("text/plain", null, body));
        assertFalse(NestedMessages.possible("message/rfc822", null, body));
    }

    @Test
    void readsOnlyTheViewsBytes() {
        byte[] all = "message/rfc822 and more".getBytes(StandardCharsets.ISO_8859_1);
        Tvb source = Tvb.ofSource("all", all);
        assertFalse(NestedMessages.holdsMediaType(source.subset(1)));
        assertTrue(NestedMessages.holdsMediaType(source.subset(0)));
    }

    @Test
    void withTheBoundaryLooksAtThePartHeadersOnly() {
        String text = "--==b_1\r\nContent-Type: text/plain\r\n\r\nA forwarded message/rfc822 mention\r\n";
        String attachment = "--==b_1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+Pgpz/+/+\r\n".repeat(50);
        String message = "--==b_1\r\nContent-Type: Message/RFC822;\r\n name=\"fw.eml\"\r\n\r\nFrom: a\r\n\r\nhi\r\n";
        String nested = "--==b_1\nContent-Type: multipart/alternative; boundary=inner\n\n--inner\n\n";
        String close = "--==b_1--\r\n";
        assertFalse(possibleWithBoundary("preamble\r\n" + text + attachment + close));
        assertTrue(possibleWithBoundary(text + message + attachment + close));
        assertTrue(possibleWithBoundary(text + nested + close));
        // a media type in a part's body, or after the close delimiter, is no part of its own
        assertFalse(possibleWithBoundary(text + close + "Content-Type: message/rfc822\r\n\r\n"));
        // headers that do not end: dissected, in case
        assertTrue(possibleWithBoundary(text + "--==b_1\r\nContent-Type: text/pl"));
        // the same body without its boundary is searched whole, and the mention in the text counts
        assertTrue(possible("preamble\r\n" + text + attachment + close));
    }

    @Test
    void withoutABoundaryTheWholeBodyIsSearched() {
        Tvb body = tvb("--b\r\nContent-Type: text/plain\r\n\r\nmessage/rfc822\r\n--b--\r\n");
        assertTrue(NestedMessages.possible("multipart/mixed", "charset=x", body));
        assertFalse(NestedMessages.possible("multipart/mixed", "boundary=b", body));
    }

    /**
     * The delimiter search skips bytes (Horspool): on bodies of random pieces (delimiters that
     * overlap, close delimiters, part headers, text with dashes) it must answer as a plain walk over
     * every byte does.
     */
    @Test
    void theSearchAnswersAsAWalkOverEveryByte() {
        String[] boundaries = {"b", "--b", "==_Part_1_2.3", "-"};
        String[] pieces = {"--", "-", "\r\n", "\n", "\r\n\r\n", "Content-Type: text/plain\r\n",
                "Content-Type: message/rfc822\r\n", "content-type: Multipart/mixed;\r\n", "QUJD/+x", "a-b--c", "x"};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            String boundary = boundaries[random.nextInt(boundaries.length)];
            StringBuilder body = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                int r = random.nextInt(pieces.length + 2);
                body.append(r < pieces.length ? pieces[r] : r == pieces.length ? "--" + boundary : "--" + boundary + "--");
            }
            String text = body.toString();
            assertEquals(walk(text, boundary), NestedMessages.partHeadersMayHold(tvb(text), boundary), () -> boundary + " in " + text);
        }
    }

    /** The answer by definition: at each delimiter, in order, the part headers up to their blank line. */
    private static boolean walk(String body, String boundary) {
        String delimiter = "--" + boundary;
        for (int d = body.indexOf(delimiter); d >= 0; d = body.indexOf(delimiter, d + 1)) {
            int headers = d + delimiter.length();
            if (body.startsWith("--", headers)) {
                return false;
            }
            int blank = -1;
            for (int i = body.indexOf('\n', headers); i >= 0; i = body.indexOf('\n', i + 1)) {
                int next = body.startsWith("\r", i + 1) ? i + 2 : i + 1;
                if (body.startsWith("\n", next)) {
                    blank = i;
                    break;
                }
            }
            String h = (blank < 0 ? body.substring(headers) : body.substring(headers, blank)).toLowerCase(Locale.ROOT);
            if (blank < 0 || h.contains("message/rfc822") || h.contains("multipart/")) {
                return true;
            }
            d = blank - 1;
        }
        return false;
    }
}
