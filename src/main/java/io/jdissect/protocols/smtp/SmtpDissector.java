package io.jdissect.protocols.smtp;

import io.jdissect.api.Conversation;
import io.jdissect.api.DissectorHandle;
import io.jdissect.dissect.BodyNeeds;
import io.jdissect.dissect.reassembly.ReassembledIn;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.WantedName;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * SMTP over TCP as tshark 4.0 dissects it (packet-smtp.c): request iff the destination port is the
 * port that matched, line reassembly asked of TCP only for an unterminated first line, DATA/BDAT
 * content collected into "Reassembled SMTP" and handed to the "imf" dissector. Beside tshark's
 * fields it adds jdissect's own ({@code smtp.x.*}) from {@link SmtpSession}, the RFC view of the
 * same conversation.
 */
final class SmtpDissector {
    private static final WantedName DATA_TEXT_LINES = new WantedName("data-text-lines");
    private static final WantedName SESSION = new WantedName("smtp.x");
    private static final WantedName IMF = new WantedName("imf");
    private static final WantedName DATA = new WantedName("smtp.data");

    private final DissectorRegistry registry;
    private final SmtpFields f;
    private final SmtpPreferences prefs;
    private final RequestTree requests;
    private final ReplyTree replies;
    private final OwnItems own;
    /** The arrays of the messages in flight, shared by this dissector's conversations (made at hand-off, after -o). */
    private MessageChunks chunks;
    /** The protocols SMTP hands bytes to, found at hand-off (null when absent): not looked up per packet. */
    private DissectorHandle textLines;
    private DissectorHandle imf;
    private DissectorHandle tlsHandle;
    private DissectorHandle data;

    SmtpDissector(DissectorRegistry registry, SmtpFields f, SmtpPreferences prefs) {
        this.registry = registry;
        this.f = f;
        this.prefs = prefs;
        this.requests = new RequestTree(f, prefs);
        this.replies = new ReplyTree(f, prefs);
        this.own = new OwnItems(f);
    }

    /** Finds the protocols SMTP hands bytes to, once every plugin has registered its own. */
    void handoff() {
        textLines = registry.handle("data-text-lines");
        imf = registry.handle("imf");
        tlsHandle = registry.handle("tls");
        data = registry.handle("data");
        chunks = new MessageChunks(prefs.maxTotalMessageBytes());
    }

    /**
     * Both views of one TCP connection, kept in its {@link Conversation}. When the client can send
     * no more (its FIN, or a reset) or the connection's state is dropped, a message in flight can
     * never end: its bytes are dropped and no longer count against the cap over all messages.
     */
    static final class State implements Conversation.Releasable {
        final TsharkSession tshark;
        final SmtpSession session;
        /** The port the connection was handed to SMTP by (the server's). */
        private final long serverPort;

        State(SmtpLimits limits, DataReassembly.Keep keep, MessageChunks chunks, long serverPort) {
            tshark = new TsharkSession(limits, keep, chunks);
            session = new SmtpSession(limits, chunks);
            this.serverPort = serverPort;
        }

        @Override
        public void release() {
            tshark.reassembly.release();
            session.release();
        }

        @Override
        public void closed(int port, boolean reset) {
            if (reset || port != serverPort) {
                release();
            }
        }
    }

    int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Conversation conv = pinfo.conversation();
        State st = conv != null ? conv.get(State.class) : null;
        if (st == null) {
            st = new State(prefs.limits(), keepMessages(pinfo), chunks, pinfo.matchUint());
            if (conv != null) {
                conv.put(State.class, st);
            }
        }
        TsharkSession s = st.tshark;
        long frame = pinfo.frameNumber();
        if (s.lastNonTlsFrame != 0 && frame > s.lastNonTlsFrame) {
            return tls(tvb, pinfo, tree);
        }
        boolean request = pinfo.dstPort() == pinfo.matchUint();
        boolean desegment = prefs.desegmentLines() && pinfo.canDesegment();
        FrameClassifier.Verdict v = new FrameClassifier(prefs.decodeAuth(), pinfo.seenBefore())
                .classify(tvb, frame, request, desegment, s);
        if (v == null) {
            // Nothing dissected yet (TCP then lists no SMTP layer for the frame, as tshark).
            pinfo.requestMoreBytes(0, PacketInfo.ONE_MORE_SEGMENT);
            return tvb.length();
        }
        pinfo.columns().setProtocol("SMTP");
        pinfo.columns().clearInfo();
        // Nothing reads SMTP's items, nor the text lines of a DATA fragment below them (a filter on
        // IMF only, say): none is made; the session state moves all the same.
        TreeItem smtp = pinfo.wants(f.proto.field()) || pinfo.wants(DATA_TEXT_LINES)
                ? tree.add(f.proto.field(), tvb, 0, tvb.reportedLength()) : TreeItem.discarding();
        if (request) {
            DataReassembly.Message m = requests.add(tvb, pinfo, smtp, v, s, textLines);
            if (m != null) {
                noteReassembledIn(pinfo, m);
                reassembled(pinfo, tree, smtp, v, m);
            } else if (v.kind() == FrameClassifier.Kind.MESSAGE) {
                ReassembledIn.show(pinfo, smtp, f.dataReassembledIn);
            }
        } else {
            replies.add(tvb, pinfo, smtp, s);
        }
        if (pinfo.wants(SESSION)) { // the RFC session (an ANTLR parse per line) only feeds smtp.x.*
            own.add(tvb, pinfo, smtp, st.session, request);
        }
        return tvb.length();
    }

    /**
     * For a second pass (-2): each earlier fragment of the message learns where it was reassembled.
     * Only smtp.data.reassembled.in shows it, and a run that reads it keeps the messages (smtp.data,
     * {@link #keepMessages}), so their fragments are listed whenever this matters.
     */
    private void noteReassembledIn(PacketInfo pinfo, DataReassembly.Message m) {
        if (!pinfo.notes().keeping()) {
            return; // a single pass: no walk over the message's fragments (hundreds for a megabyte)
        }
        for (DataReassembly.Fragment fr : m.fragments()) {
            ReassembledIn.note(pinfo, f.dataReassembledIn, fr.frame(), m.reassembledIn());
        }
    }

    /**
     * tshark's process_reassembled_data: the message goes to IMF on the frame that finished it,
     * unless that frame is a DATA fragment (data-text-lines ran first and changed the layer, so
     * tshark only says where it was reassembled — fields.md 1.6, BDAT quirk).
     */
    private void reassembled(PacketInfo pinfo, TreeItem tree, TreeItem smtp, FrameClassifier.Verdict v,
                             DataReassembly.Message m) {
        if (v.kind() == FrameClassifier.Kind.MESSAGE) {
            smtp.add(f.dataReassembledIn, null, 0, 0, m.reassembledIn()).generated();
            return;
        }
        if (m.bytes() == null) {
            return; // only counted: nothing in this run reads the message
        }
        Tvb next = Tvb.ofSource("Reassembled SMTP", m.bytes(), m.length(), m.length());
        if (!smtp.isDiscarding()) {
            requests.fragmentsTree(smtp, next, m);
        }
        if (imf != null && readsMessage(pinfo)) {
            pinfo.callContained(imf, next, tree);
        }
    }

    /** Whether the run reads what a message gives: IMF and what its body holds. */
    private boolean readsMessage(PacketInfo pinfo) {
        return pinfo.wants(IMF) || BodyNeeds.read(pinfo, registry, true);
    }

    /**
     * What DATA messages must keep of their bytes: the bytes for IMF, or for the fragment items that
     * show the reassembled message; in an array reused from message to message when no packet is
     * kept after the next. The run's needs do not change, so a conversation decides once.
     */
    private DataReassembly.Keep keepMessages(PacketInfo pinfo) {
        if (!pinfo.wants(DATA) && (imf == null || !readsMessage(pinfo))) {
            return DataReassembly.Keep.COUNT;
        }
        return pinfo.packetsKept() ? DataReassembly.Keep.BYTES : DataReassembly.Keep.REUSED_BYTES;
    }

    /**
     * After the 220 reply to STARTTLS the stream is TLS (tshark hands it to its TLS dissector): the
     * bytes go to a "tls" dissector when one is registered, else they are shown as data, never as
     * SMTP text. SMTP leaves the protocol stack either way, as in tshark.
     */
    private int tls(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        leaveStack(pinfo);
        if (tlsHandle != null) {
            return pinfo.call(tlsHandle, tvb, tree) > 0 ? tvb.length() : fallbackTls(tvb, pinfo, tree);
        }
        return fallbackTls(tvb, pinfo, tree);
    }

    /** Marks a packet whose Info already holds TLS text from an earlier call in the same frame. */
    private static final class TlsShown {
    }

    /** Takes SMTP off the protocol stack (frame.protocols) when it shows nothing in this frame. */
    private void leaveStack(PacketInfo pinfo) {
        var layers = pinfo.layers();
        if (!layers.isEmpty() && layers.get(layers.size() - 1).equals(f.proto.abbrev())) {
            layers.remove(layers.size() - 1);
        }
    }

    /**
     * Without a TLS dissector the TLS bytes are shown as data, cut at TLS record boundaries (RFC 8446
     * 5.1: type, version, 2-byte length) the way a TLS dissector asks TCP for the rest of a record, so
     * a frame that holds only the start of a record shows no layer above TCP, as in tshark.
     */
    private int fallbackTls(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        int complete = 0;
        while (complete + 5 <= tvb.length() && complete + 5 + tvb.u16(complete + 3) <= tvb.length()) {
            complete += 5 + tvb.u16(complete + 3);
        }
        int shown = tvb.length();
        if (complete < tvb.length() && pinfo.canDesegment()) {
            int missing = complete + 5 <= tvb.length()
                    ? complete + 5 + tvb.u16(complete + 3) - tvb.length() : PacketInfo.ONE_MORE_SEGMENT;
            pinfo.requestMoreBytes(complete, missing);
            shown = complete;
        }
        if (shown == 0) {
            return tvb.length();
        }
        pinfo.columns().setProtocol("TLS");
        String text = "Encrypted data after STARTTLS, " + shown + " bytes";
        if (pinfo.get(TlsShown.class) == null) {
            pinfo.columns().setInfo(text);
            pinfo.put(TlsShown.class, new TlsShown());
            if (data != null) {
                pinfo.call(data, tvb.subset(0, shown), tree);
            }
        } else {
            // TCP called again for the rest of the segment: one more data item, the same layer.
            pinfo.columns().appendInfo(", " + text);
            if (data != null) {
                data.dissector().dissect(tvb.subset(0, shown), pinfo, tree);
            }
        }
        return tvb.length();
    }
}
