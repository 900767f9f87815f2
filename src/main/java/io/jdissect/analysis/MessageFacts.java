package io.jdissect.analysis;

import io.jdissect.api.Packet;
import io.jdissect.api.SmtpTransactionEvent.Attachment;
import io.jdissect.api.SmtpTransactionEvent.MessageHeaders;
import io.jdissect.api.TreeItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The header fields and attachments of the message that ended in a packet, read from what the IMF
 * and MIME multipart dissectors put in its tree (nothing is parsed again).
 */
final class MessageFacts {
    private MessageFacts() {
    }

    static MessageHeaders headers(Packet p) {
        TreeItem imf = p.first("imf");
        if (imf == null) {
            return MessageHeaders.NONE;
        }
        String subject = string(imf, "imf.x.subject");
        return new MessageHeaders(subject != null ? subject : string(imf, "imf.subject"), string(imf, "imf.from"),
                string(imf, "imf.to"), string(imf, "imf.cc"), string(imf, "imf.message_id"), string(imf, "imf.date"));
    }

    /** Every MIME part with a decoded file name, in tree order (nested multiparts included). */
    static List<Attachment> attachments(Packet p) {
        List<Attachment> out = new ArrayList<>();
        for (TreeItem part : p.fields("mime_multipart.part")) {
            String name = direct(part, "mime_multipart.x.filename");
            if (name == null) {
                continue;
            }
            String type = direct(part, "mime_multipart.header.content-type");
            if (type != null && type.indexOf(';') >= 0) {
                type = type.substring(0, type.indexOf(';'));
            }
            String length = direct(part, "mime_multipart.x.decoded_length");
            out.add(new Attachment(name, type == null ? null : type.trim(), length == null ? -1 : Long.parseLong(length),
                    direct(part, "mime_multipart.x.sha256")));
        }
        return out;
    }

    private static String string(TreeItem layer, String abbrev) {
        List<TreeItem> all = layer.find(abbrev);
        return all.isEmpty() ? null : String.valueOf(all.get(0).value());
    }

    /** A field among the part's own children (not those of a nested part). */
    private static String direct(TreeItem part, String abbrev) {
        for (TreeItem c : part.children()) {
            if (c.def() != null && c.def().abbrev().equals(abbrev)) {
                return String.valueOf(c.value());
            }
        }
        return null;
    }
}
