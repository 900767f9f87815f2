package io.jdissect.protocols.frame;

import io.jdissect.api.Base;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.api.WantedFields;
import io.jdissect.capture.CaptureRecord;

/**
 * The "frame" pseudo-protocol: what the capture file says about a record (times, lengths,
 * interface), then the link layer from the {@code wtap_encap} table keyed by the record's link
 * type. {@code frame.protocols} is filled in after all layers ran.
 */
public final class FrameDissector {
    private final ProtocolDef proto;
    private final FieldDef encapType;
    private final FieldDef time;
    private final FieldDef offsetShift;
    private final FieldDef timeEpoch;
    private final FieldDef timeDelta;
    private final FieldDef timeDeltaDisplayed;
    private final FieldDef timeRelative;
    private final FieldDef number;
    private final FieldDef len;
    private final FieldDef capLen;
    private final FieldDef marked;
    private final FieldDef ignored;
    private final FieldDef protocols;
    private final FieldDef interfaceId;
    private final FieldDef sectionNumber;
    private final FieldDef interfaceName;
    private final FieldDef interfaceDescription;
    private final PacketFlags packetFlags;
    private final ProtocolDef commentProto;
    private final FieldDef comment;
    private final io.jdissect.api.Expert.Def commentExpert;
    private final DissectorRegistry registry;
    private final DissectorHandle dataHandle;
    private final DissectorTable linkTypes;
    /**
     * The items every record gets, asked about with one question per packet: one question per field
     * was 2-3 % of the dissecting thread in -Y imf. Its fields are given in the order of the bits below.
     */
    private final WantedFields recordItems;
    private static final long ENCAP = 1, TIME = 1 << 1, OFFSET_SHIFT = 1 << 2, TIME_EPOCH = 1 << 3,
            TIME_DELTA = 1 << 4, TIME_DELTA_DISPLAYED = 1 << 5, TIME_RELATIVE = 1 << 6, NUMBER = 1 << 7,
            LEN = 1 << 8, CAP_LEN = 1 << 9, MARKED = 1 << 10, IGNORED = 1 << 11, PROTOCOLS = 1 << 12;
    private int lastLinkType = Integer.MIN_VALUE;
    private Integer lastEncap;
    private DissectorHandle lastLink;

    public FrameDissector(DissectorRegistry registry, DissectorHandle dataHandle) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Frame", "Frame", "frame");
        time = f.field(proto, "frame.time", "Arrival Time", FieldType.FT_ABSOLUTE_TIME)
                .base(Base.ABSOLUTE_TIME_LOCAL).blurb("Absolute time when this frame was captured").register();
        offsetShift = f.field(proto, "frame.offset_shift", "Time shift for this packet", FieldType.FT_RELATIVE_TIME)
                .blurb("Time shift applied to this packet").register();
        timeEpoch = f.field(proto, "frame.time_epoch", "Epoch Time", FieldType.FT_RELATIVE_TIME)
                .blurb("Epoch time when this frame was captured").register();
        timeDelta = f.field(proto, "frame.time_delta", "Time delta from previous captured frame",
                FieldType.FT_RELATIVE_TIME).register();
        timeDeltaDisplayed = f.field(proto, "frame.time_delta_displayed",
                "Time delta from previous displayed frame", FieldType.FT_RELATIVE_TIME).register();
        timeRelative = f.field(proto, "frame.time_relative", "Time since reference or first frame",
                FieldType.FT_RELATIVE_TIME).blurb("Time relative to time reference or first frame").register();
        number = f.field(proto, "frame.number", "Frame Number", FieldType.FT_UINT32).register();
        len = f.field(proto, "frame.len", "Frame length on the wire", FieldType.FT_UINT32).register();
        capLen = f.field(proto, "frame.cap_len", "Frame length stored into the capture file", FieldType.FT_UINT32)
                .register();
        marked = f.field(proto, "frame.marked", "Frame is marked", FieldType.FT_BOOLEAN)
                .blurb("Frame is marked in the GUI").register();
        ignored = f.field(proto, "frame.ignored", "Frame is ignored", FieldType.FT_BOOLEAN)
                .blurb("Frame is ignored by the dissectors").register();
        protocols = f.field(proto, "frame.protocols", "Protocols in frame", FieldType.FT_STRING)
                .blurb("Protocols carried by this frame").register();
        sectionNumber = f.field(proto, "frame.section_number", "Section number", FieldType.FT_UINT32)
                .blurb("The number of the file section this frame is in").register();
        interfaceId = f.field(proto, "frame.interface_id", "Interface id", FieldType.FT_UINT32).register();
        interfaceName = f.field(proto, "frame.interface_name", "Interface name", FieldType.FT_STRING)
                .blurb("The friendly name for this interface").register();
        interfaceDescription = f.field(proto, "frame.interface_description", "Interface description",
                FieldType.FT_STRING).blurb("The description for this interface").register();
        packetFlags = new PacketFlags(f, proto);
        comment = f.field(proto, "frame.comment", "Comment", FieldType.FT_STRING).register();
        // tshark puts packet comments in their own top-level "Packet comments" item, before the frame.
        commentProto = f.protocol("Packet comments", "Packet comments", "pkt_comment");
        commentExpert = registry.expert(proto, "frame.comment.expert", "Formatted comment",
                io.jdissect.api.Expert.Severity.COMMENT, io.jdissect.api.Expert.Group.COMMENTS_GROUP);
        this.registry = registry;
        encapType = f.field(proto, "frame.encap_type", "Encapsulation type", FieldType.FT_INT16)
                .values(LinkTypes.ENCAP_NAMES).register();
        this.dataHandle = dataHandle;
        this.linkTypes = registry.table(DissectorRegistry.LINK_TYPE);
        // In the order of the bits ENCAP .. PROTOCOLS.
        recordItems = new WantedFields(encapType, time, offsetShift, timeEpoch, timeDelta, timeDeltaDisplayed,
                timeRelative, number, len, capLen, marked, ignored, protocols);
    }

    public ProtocolDef protocol() {
        return proto;
    }

    /**
     * Dissects one record under {@code root}. {@code previousDisplayed} is the time of the previous
     * frame that was displayed (tshark updates it after filtering), for frame.time_delta_displayed.
     */
    public void dissect(PacketInfo pinfo, TreeItem root, Timestamp previousDisplayed) {
        CaptureRecord rec = pinfo.record();
        Tvb tvb = Tvb.ofSource("Frame", rec.data(), rec.capturedLength(), rec.originalLength());
        int caplen = rec.capturedLength();
        if (rec.linkType() != lastLinkType) { // a capture has one link type, or a few: looked up on change
            lastLinkType = rec.linkType();
            lastEncap = LinkTypes.encapOf(lastLinkType);
            lastLink = lastEncap == null ? null : linkTypes.get(lastEncap);
        }
        Integer encap = lastEncap;
        if (rec.comment() != null) {
            addComment(root, tvb, rec.comment());
        }
        TreeItem fr = root.add(proto.field(), tvb, 0, caplen);
        long frameNumber = pinfo.frameNumber();
        int wireLen = rec.originalLength();
        fr.setText(() -> "Frame " + frameNumber + ": " + wireLen + " bytes on wire ("
                + wireLen * 8L + " bits), " + caplen + " bytes captured (" + caplen * 8L + " bits)");
        if (rec.sectionNumber() > 0) {
            item(pinfo, fr, sectionNumber, tvb, rec.sectionNumber());
        }
        if (rec.interfaceId() >= 0) {
            addInterface(pinfo, fr, tvb, rec.interfaceId(), pinfo.get(InterfaceInfo.class));
            if (rec.packetFlags() >= 0) {
                fr.appendText(PacketFlags.frameSuffix(rec.packetFlags()));
            }
        }
        if (rec.packetFlags() >= 0) {
            packetFlags.add(pinfo, fr, tvb, rec.packetFlags());
        }
        // A run that reads only some frame fields (frame.number, say) gets only their items: with
        // the other layers left out, the frame's items are most of what a packet allocates.
        long wanted = pinfo.wanted(recordItems);
        if ((wanted & ENCAP) != 0) {
            fr.add(encapType, tvb, 0, 0, encap == null ? -1 : encap);
        }
        if (rec.hasTimestamp()) {
            if ((wanted & TIME) != 0) {
                fr.add(time, tvb, 0, 0, rec.timestamp());
            }
            if ((wanted & OFFSET_SHIFT) != 0) {
                fr.add(offsetShift, tvb, 0, 0, Timestamp.ZERO).generated();
            }
            if ((wanted & TIME_EPOCH) != 0) {
                fr.add(timeEpoch, tvb, 0, 0, rec.timestamp());
            }
            // The times are computed only for a run that reads them.
            if ((wanted & TIME_DELTA) != 0) {
                fr.add(timeDelta, tvb, 0, 0, pinfo.deltaTime()).generated();
            }
            if ((wanted & TIME_DELTA_DISPLAYED) != 0) {
                fr.add(timeDeltaDisplayed, tvb, 0, 0, rec.timestamp().minus(previousDisplayed)).generated();
            }
            if ((wanted & TIME_RELATIVE) != 0) {
                fr.add(timeRelative, tvb, 0, 0, pinfo.relativeTime()).generated();
            }
        }
        if ((wanted & NUMBER) != 0) {
            fr.add(number, tvb, 0, 0, pinfo.frameNumber());
        }
        // A label is an object of its own: made only for an item that is kept.
        if ((wanted & LEN) != 0) {
            fr.add(len, tvb, 0, 0, wireLen).setText(() -> "Frame Length: " + bytesAndBits(wireLen));
        }
        if ((wanted & CAP_LEN) != 0) {
            fr.add(capLen, tvb, 0, 0, caplen).setText(() -> "Capture Length: " + bytesAndBits(caplen));
        }
        if ((wanted & MARKED) != 0) {
            fr.add(marked, tvb, 0, 0, 0L).generated();
        }
        if ((wanted & IGNORED) != 0) {
            fr.add(ignored, tvb, 0, 0, 0L).generated();
        }
        if (rec.packetFlags() >= 0) {
            packetFlags.addDirection(pinfo, fr, tvb, rec.packetFlags());
        }
        TreeItem protos = (wanted & PROTOCOLS) != 0 ? fr.add(protocols, tvb, 0, 0, "").generated() : null;

        int taken = 0;
        DissectorHandle link = lastLink;
        if (link != null) {
            taken = pinfo.callContained(link, tvb, root);
        }
        if (taken == 0) {
            pinfo.callContained(dataHandle, tvb, root);
        }
        if (protos != null) { // the one frame item that costs a string per packet
            protos.setValue(String.join(":", pinfo.layers()));
        }
    }

    /** Adds an integer item under the frame when the run reads it, else hands out the discarding item. */
    private static TreeItem item(PacketInfo pinfo, TreeItem fr, FieldDef def, Tvb tvb, long value) {
        return pinfo.wants(def) ? fr.add(def, tvb, 0, 0, value) : TreeItem.discarding();
    }

    /** tshark's "74 bytes (592 bits)". */
    private static String bytesAndBits(int n) {
        return n + " byte" + (n == 1 ? "" : "s") + " (" + n * 8L + " bits)";
    }

    /**
     * "Interface id: 0 (eth0)" with the name and description below it, and "on interface eth0, id 0"
     * in the frame line; tshark writes "unknown" when the interface has no name.
     */
    private void addInterface(PacketInfo pinfo, TreeItem fr, Tvb tvb, int id, InterfaceInfo info) {
        InterfaceInfo texts = info != null ? info : InterfaceInfo.of(id, null, null); // an id the capture never described
        fr.appendText(texts.frameSuffix());
        // Three items per packet of a pcapng file, made like the other frame items only when read.
        if (!pinfo.wants(interfaceId) && !pinfo.wants(interfaceName) && !pinfo.wants(interfaceDescription)) {
            return;
        }
        TreeItem item = fr.add(interfaceId, tvb, 0, 0, id).setText(texts.idText());
        item.add(interfaceName, tvb, 0, 0, texts.shownName());
        if (texts.description() != null) {
            item.add(interfaceDescription, tvb, 0, 0, texts.description());
        }
    }

    /** The "Packet comments" item: the comment, with a Comment-level expert finding repeating it. */
    private void addComment(TreeItem root, Tvb tvb, String text) {
        TreeItem comments = root.add(commentProto.field(), tvb, 0, 0).setText("Packet comments");
        TreeItem c = comments.add(comment, tvb, 0, 0, text).setText(text);
        registry.expert().add(c, commentExpert, tvb, 0, 0, text);
    }

    /**
     * Interface details a reader knows (pcapng IDB), passed to the frame dissector, with the texts
     * that name the interface in every packet of it: made once per interface ({@link #of}).
     */
    public record InterfaceInfo(String name, String description, String shownName, String frameSuffix, String idText) {
        /** Interface {@code id}'s details; tshark names one without a name "unknown". */
        public static InterfaceInfo of(int id, String name, String description) {
            String shown = name == null ? "unknown" : name;
            return new InterfaceInfo(name, description, shown, " on interface " + shown + ", id " + id,
                    "Interface id: " + id + " (" + shown + ")");
        }
    }

}
