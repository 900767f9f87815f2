package io.jdissect.protocols.imf;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.TreeItem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** jdissect's own decoded header items ({@code imf.x.*}) point at the bytes they were read from. */
class ImfDecodedItemsTest {
    /** A message inside a multipart one is read where it starts in the outer message's bytes. */
    @Test
    void theHeaderItemsOfANestedMessageCoverTheirOwnBytes() {
        String mail = "Subject: outer\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: message/rfc822\r\n\r\nSubject: inner\r\nFrom: a@example.test\r\n\r\nhi\r\n--b--\r\n";
        Packet p = ImfMessage.dissect(mail.getBytes(StandardCharsets.ISO_8859_1), JDissect.create());
        List<TreeItem> names = p.fields("imf.x.header.name");
        // The nested message's items come first: it is dissected inside the body, before the outer's are added.
        assertEquals(List.of("Subject", "From", "Subject", "Content-Type"),
                names.stream().map(TreeItem::stringValue).toList());
        for (TreeItem n : names) {
            assertEquals(n.stringValue(), new String(n.itemBytes(), StandardCharsets.ISO_8859_1));
        }
        List<TreeItem> subjects = p.fields("imf.x.subject");
        assertEquals(List.of("inner", "outer"), subjects.stream().map(TreeItem::stringValue).toList());
        for (TreeItem s : subjects) {
            assertEquals("Subject: " + s.stringValue() + "\r\n", new String(s.itemBytes(), StandardCharsets.ISO_8859_1));
        }
    }
}
