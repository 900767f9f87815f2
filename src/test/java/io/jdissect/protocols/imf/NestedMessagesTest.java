package io.jdissect.protocols.imf;

import io.jdissect.api.Tvb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NestedMessagesTest {
    private static boolean possible(String body) {
        return NestedMessages.possible("multipart/mixed", Tvb.ofSource("body", body.getBytes(StandardCharsets.ISO_8859_1)));
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
        assertTrue(NestedMessages.possible("Multipart/Mixed", body));
        assertFalse(NestedMessages.possible("text/plain", body));
        assertFalse(NestedMessages.possible("message/rfc822", body));
    }

    @Test
    void readsOnlyTheViewsBytes() {
        byte[] all = "message/rfc822 and more".getBytes(StandardCharsets.ISO_8859_1);
        Tvb source = Tvb.ofSource("all", all);
        assertFalse(NestedMessages.holdsMediaType(source.subset(1)));
        assertTrue(NestedMessages.holdsMediaType(source.subset(0)));
    }
}
