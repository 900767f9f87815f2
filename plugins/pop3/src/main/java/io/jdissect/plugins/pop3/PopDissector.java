package io.jdissect.plugins.pop3;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FieldDef;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.Preferences;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Dissects one TCP segment of a POP3 connection as tshark 4.0's packet-pop.c does. POP asks TCP
 * for no reassembly: every segment is dissected alone. A segment towards the POP port is a request;
 * one from the server is a response if it starts with {@code +OK} or {@code -ERR}, else a "DATA
 * fragment" (the rest of a RETR or TOP message), collected until the announced size is reached and
 * then handed to IMF.
 *
 * <p>The first line becomes {@code pop.request} / {@code pop.response} (an empty string whose label
 * is the line) with the command or indicator and the rest as parameter or description; every
 * further line is a {@code pop.request.data} / {@code pop.response.data} item, again empty with the
 * line as label, as tshark shows them.
 */
final class PopDissector {
    private final DissectorRegistry registry;
    private final PopFields f;
    private final Preferences.Pref desegmentData;

    PopDissector(DissectorRegistry registry, PopFields fields, Preferences.Pref desegmentData) {
        this.registry = registry;
        this.f = fields;
        this.desegmentData = desegmentData;
    }

    int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("POP");
        PopSession session = pinfo.conversation().computeIfAbsent(PopSession.class, PopSession::new);
        int[] next = new int[1];
        int lineLength = tvb.findLineEnd(0, next);
        if (lineLength < 0) {
            lineLength = tvb.length();
        }
        String line = tvb.latin1(0, lineLength);
        // packet-pop.c: the direction comes from the port the table matched, not from the content.
        boolean isRequest = pinfo.matchUint() == pinfo.dstPort();
        boolean continuation = !isRequest && !line.startsWith("+OK") && !line.startsWith("-ERR");
        if (continuation) {
            int n = tvb.reportedLength();
            pinfo.columns().setInfo("S: DATA fragment, " + n + " byte" + (n == 1 ? "" : "s"));
        } else {
            pinfo.columns().setInfo((isRequest ? "C: " : "S: ") + tvb.formatText(0, lineLength));
        }
        TreeItem pop = tree.add(f.proto.field(), tvb, 0, tvb.length());
        if (continuation) {
            dataFragment(tvb, pinfo, tree, pop, session);
        } else {
            firstLine(tvb, pinfo, pop, session, isRequest, line, next[0]);
            otherLines(tvb, pop, isRequest ? f.requestData : f.responseData, next[0]);
        }
        return tvb.length();
    }

    private void firstLine(Tvb tvb, PacketInfo pinfo, TreeItem pop, PopSession session, boolean isRequest,
                           String line, int lineEnd) {
        TreeItem item = pop.add(isRequest ? f.request : f.response, tvb, 0, lineEnd, "")
                .setText(tvb.formatText(0, lineEnd));
        // get_token_len: the token ends at a space; the spaces after it are skipped.
        int tokenLength = line.indexOf(' ');
        if (tokenLength < 0) {
            tokenLength = line.length();
        }
        int rest = tokenLength;
        while (rest < line.length() && line.charAt(rest) == ' ') {
            rest++;
        }
        if (tokenLength != 0) {
            item.add(isRequest ? f.requestCommand : f.responseIndicator, tvb, 0, tokenLength,
                    tvb.ascii(0, tokenLength));
            if (isRequest) {
                request(session, line);
            } else {
                response(pinfo, item, tvb, session, line);
            }
        }
        if (rest < line.length()) {
            item.add(isRequest ? f.requestParameter : f.responseDescription, tvb, rest, line.length() - rest,
                    tvb.ascii(rest, line.length() - rest));
        }
    }

    /** RETR and TOP (case-insensitive prefixes, as tshark compares) announce a message. */
    private static void request(PopSession session, String line) {
        if (line.regionMatches(true, 0, "RETR", 0, 4) || line.regionMatches(true, 0, "TOP", 0, 3)) {
            session.messageRequested = true;
        }
    }

    /** The {@code +OK n octets} answer to RETR or TOP gives the size of the message that follows. */
    private void response(PacketInfo pinfo, TreeItem item, Tvb tvb, PopSession session, String line) {
        if (!session.messageRequested) {
            return;
        }
        if (line.regionMatches(true, 0, "+OK ", 0, 4) && line.length() > 4) {
            session.readLength = 0;
            session.totalLength = 0;
            Long octets = OctetCount.parse(line);
            if (octets == null) {
                registry.expert().add(item, f.totLenInvalid, tvb, 0, item.length());
            } else {
                session.totalLength = octets;
            }
        }
        session.messageRequested = false;
    }

    private void otherLines(Tvb tvb, TreeItem pop, FieldDef data, int offset) {
        int[] next = new int[1];
        while (offset < tvb.length()) {
            tvb.findLineEnd(offset, next);
            pop.add(data, tvb, offset, next[0] - offset, "").setText(tvb.formatText(offset, next[0] - offset));
            offset = next[0];
        }
    }

    /**
     * A segment of the announced message: counted, and collected when {@code pop.desegment_data}
     * is on; the segment that reaches the announced size finishes the message, which goes to IMF.
     * Without the preference the segment is shown as data.
     */
    private void dataFragment(Tvb tvb, PacketInfo pinfo, TreeItem tree, TreeItem pop, PopSession session) {
        if (!desegmentData.bool()) {
            DissectorHandle data = registry.handle("data");
            if (data != null) {
                pinfo.call(data, tvb, pop);
            }
            return;
        }
        session.readLength += tvb.reportedLength();
        boolean more = session.readLength < session.totalLength;
        PopDataReassembly.Message message = session.data.add(pinfo.frameNumber(), tvb.bytes(), !more);
        if (message == null) {
            return;
        }
        Tvb reassembled = Tvb.ofSource("Reassembled DATA", message.bytes());
        fragmentsTree(pop, reassembled, message);
        DissectorHandle imf = registry.handle("imf");
        if (imf != null) {
            pinfo.callContained(imf, reassembled, tree);
        }
        session.messageDone();
    }

    /** show_fragment_seq_tree: "[n DATA fragments (m bytes): #a(x), #b(y)]" with one item per frame. */
    private void fragmentsTree(TreeItem pop, Tvb reassembled, PopDataReassembly.Message m) {
        int count = m.fragments().size();
        StringBuilder label = new StringBuilder().append(count).append(count == 1 ? " DATA fragment" : " DATA fragments")
                .append(" (").append(plural(m.bytes().length, "byte")).append("): ");
        for (int i = 0; i < count; i++) {
            PopDataReassembly.Fragment fr = m.fragments().get(i);
            label.append(i == 0 ? "" : ", ").append('#').append(fr.frame()).append('(').append(fr.length()).append(')');
        }
        TreeItem top = pop.add(f.dataFragments, reassembled, 0, reassembled.reportedLength())
                .setText(label.toString()).generated();
        for (PopDataReassembly.Fragment fr : m.fragments()) {
            top.add(f.dataFragment, reassembled, fr.offset(), fr.length(), fr.frame())
                    .setText("Frame: " + fr.frame() + ", payload: " + fr.offset() + "-" + (fr.offset() + fr.length() - 1)
                            + " (" + plural(fr.length(), "byte") + ")")
                    .generated();
        }
        top.add(f.dataFragmentCount, reassembled, 0, 0, count).generated();
        top.add(f.dataReassembledLength, reassembled, 0, 0, m.bytes().length).generated();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
