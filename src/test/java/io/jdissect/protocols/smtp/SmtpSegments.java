package io.jdissect.protocols.smtp;

import io.jdissect.api.Conversation;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.JDissect;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.capture.CaptureRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds TCP payloads of one connection (client port 40000, server port 25) straight into the "smtp"
 * handle, as TCP would after reassembly, for tests of the SMTP state machines without captures.
 * Line desegmentation is off (as TCP does for a segment it cannot buffer).
 */
final class SmtpSegments {
    /** One dissected segment: its packet info and tree root. */
    record Result(PacketInfo pinfo, TreeItem root) {
        List<String> values(String abbrev) {
            List<String> out = new ArrayList<>();
            for (TreeItem i : root.find(abbrev)) {
                Object v = i.value();
                out.add(v == null ? "" : v.toString());
            }
            return out;
        }

        String info() {
            return pinfo.columns().info();
        }

        SmtpEvents events() {
            SmtpEvents e = pinfo.get(SmtpEvents.class);
            return e == null ? new SmtpEvents() : e;
        }
    }

    private final DissectorRegistry registry;
    private final DissectorHandle smtp;
    private final Conversation conversation = new Conversation(0);
    private long frame;

    SmtpSegments(String... preferences) {
        JDissect.Builder b = JDissect.builder();
        for (String p : preferences) {
            String[] kv = p.split(":", 2);
            b.preference(kv[0], kv[1]);
        }
        registry = b.build().registry();
        smtp = registry.handle("smtp");
    }

    Result client(String payload) {
        return segment(payload, 40000, 25);
    }

    Result server(String payload) {
        return segment(payload, 25, 40000);
    }

    private Result segment(String payload, int src, int dst) {
        frame++;
        byte[] b = payload.getBytes(StandardCharsets.ISO_8859_1);
        Timestamp t = new Timestamp(1000 + frame, 0);
        CaptureRecord r = new CaptureRecord(t, 0, 1, b.length, b, b.length, 0, null);
        PacketInfo pinfo = new PacketInfo(registry, r, frame, t, t);
        pinfo.setPorts(src, dst);
        pinfo.setMatchUint(25);
        pinfo.setConversation(conversation);
        TreeItem root = TreeItem.root();
        pinfo.call(smtp, Tvb.ofSource("Frame", b), root);
        return new Result(pinfo, root);
    }
}
