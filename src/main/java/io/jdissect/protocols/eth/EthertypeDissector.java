package io.jdissect.protocols.eth;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Wireshark's "ethertype" pseudo-protocol (packet-ethertype.c): hands the payload after a type
 * field to the protocol registered for it in the {@code ethertype} table, then shows what the
 * payload did not use as padding (up to the 60-byte Ethernet minimum) and trailer in the calling
 * layer's tree. It has no fields of its own but shows in {@code frame.protocols}
 * ({@code eth:ethertype:ip}). Callers put a {@link Call} in the packet info before calling it.
 */
public final class EthertypeDissector {
    /** Ethernet frames are padded to this many bytes without FCS (IEEE 802.3 clause 4.2.3.3). */
    private static final int MIN_FRAME = 60;
    private static final int MIN_FRAME_WITH_FCS = 64;
    private static final int FCS_LEN = 4;
    private static final long UNVERIFIED = 2;

    private final ProtocolDef proto;
    private final TrailerFields fields;
    private final Expert expert;
    private final DissectorHandle handle;
    private DissectorTable table;
    private DissectorHandle data;

    /**
     * What the calling layer tells the ethertype dissector (Wireshark's ethertype_data_t):
     * {@code fcsLength} is 0 when the frame has no FCS, 4 when it has one, -1 when unknown
     * (then a trailer of 4 or more bytes on a frame of 64 or more is taken to end in one).
     */
    public record Call(int etype, int payloadOffset, TreeItem callerTree, FieldDef trailer, String description,
                       int fcsLength) {
    }

    /** Ethernet's fields for what follows the payload, shown in whichever layer called. */
    record TrailerFields(FieldDef padding, FieldDef fcs, FieldDef fcsStatus, Expert.Def paddingBad) {
    }

    EthertypeDissector(DissectorRegistry registry, TrailerFields fields) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Ethertype", "Ethertype", "ethertype");
        this.fields = fields;
        this.expert = registry.expert();
        handle = registry.register("ethertype", proto, this::dissect);
    }

    DissectorHandle handle() {
        return handle;
    }

    void handoff(DissectorRegistry registry) {
        table = registry.table(DissectorRegistry.ETHERTYPE);
        data = registry.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Call call = pinfo.get(Call.class);
        Tvb after = tvb.subset(call.payloadOffset());
        // A known FCS is not the payload's (packet-ethertype.c ends the payload's tvb before it).
        Tvb next = call.fcsLength() > 0 && after.reportedLength() >= call.fcsLength()
                ? after.subset(0, after.reportedLength() - call.fcsLength()) : after;
        DissectorHandle h = table.get(call.etype());
        int taken = 0;
        if (h != null) {
            long saved = pinfo.matchUint();
            pinfo.setMatchUint(call.etype());
            taken = pinfo.callContained(h, next, tree);
            pinfo.setMatchUint(saved);
        }
        if (taken <= 0) {
            taken = pinfo.callContained(data, next, tree);
            pinfo.columns().setProtocol(String.format("0x%04x", call.etype()));
            pinfo.columns().setInfo(call.description());
        }
        // What follows the payload, the FCS included, is the trailer.
        addTrailer(pinfo, tvb, call, after, Math.min(taken, next.reportedLength()));
        return tvb.reportedLength();
    }

    /**
     * The bytes after what the payload protocol used (e.g. past the IPv4 total length), as
     * Wireshark's add_ethernet_trailer splits them: padding up to the 60-byte minimum when it is all
     * zeros (tshark's default "eth.padding: zeros"), an assumed FCS, and the rest as the caller's
     * trailer field.
     */
    void addTrailer(PacketInfo pinfo, Tvb tvb, Call call, Tvb next, int taken) {
        int left = next.reportedLength() - taken;
        if (left <= 0 || call.callerTree() == null) {
            return;
        }
        Tvb rest = next.subset(taken);
        int frameLen = pinfo.record().originalLength();
        int pad = 0;
        boolean maybePadded = false;
        if (frameLen >= MIN_FRAME && frameLen - left < MIN_FRAME) {
            maybePadded = true;
            pad = MIN_FRAME - (frameLen - left);
            for (int i = 0; i < pad; i++) {
                if (i >= rest.length() || rest.u8(i) != 0) {
                    pad = 0;
                    break;
                }
            }
        }
        if (pad > 0) {
            call.callerTree().add(fields.padding(), rest, 0, pad, rest.bytes(0, pad));
        }
        int trailerLen = left - pad;
        boolean hasFcs = call.fcsLength() == 4
                || (call.fcsLength() != 0 && tvb.reportedLength() >= MIN_FRAME_WITH_FCS && trailerLen >= FCS_LEN);
        if (hasFcs) {
            trailerLen -= FCS_LEN;
        }
        int shown = Math.min(trailerLen, rest.remaining(pad));
        if (shown > 0) {
            TreeItem t = call.callerTree().add(call.trailer(), rest, pad, shown, rest.bytes(pad, shown));
            if (maybePadded && pad == 0) {
                expert.add(t, fields.paddingBad(), rest, pad, shown, "Didn't find padding of zeros, and an undecoded"
                        + " trailer exists. There may be padding of non-zeros.");
            }
        }
        int fcsAt = pad + trailerLen;
        if (hasFcs && rest.remaining(fcsAt) >= FCS_LEN) {
            call.callerTree().add(fields.fcs(), rest, fcsAt, FCS_LEN, rest.u32(fcsAt)).appendText(" [unverified]");
            call.callerTree().add(fields.fcsStatus(), rest, fcsAt, 0, UNVERIFIED).generated();
        }
    }
}
