package io.jdissect.protocols.eth;

import io.jdissect.dissect.DissectorHandle;
import io.jdissect.dissect.DissectorRegistry;
import io.jdissect.dissect.DissectorTable;
import io.jdissect.dissect.PacketInfo;
import io.jdissect.dissect.Tvb;
import io.jdissect.field.FieldDef;
import io.jdissect.field.FieldRegistry;
import io.jdissect.field.ProtocolDef;
import io.jdissect.tree.TreeItem;

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

    private final ProtocolDef proto;
    private final FieldDef padding;
    private final DissectorHandle handle;
    private DissectorTable table;
    private DissectorHandle data;

    /** What the calling layer tells the ethertype dissector (Wireshark's ethertype_data_t). */
    public record Call(int etype, int payloadOffset, TreeItem callerTree, FieldDef trailer, String description) {
    }

    EthertypeDissector(DissectorRegistry registry, FieldDef padding) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Ethertype", "Ethertype", "ethertype");
        this.padding = padding;
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
        Tvb next = tvb.subset(call.payloadOffset());
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
        addTrailer(pinfo, tvb, call, next, taken);
        return tvb.reportedLength();
    }

    /**
     * The bytes after what the payload protocol used (e.g. past the IPv4 total length): first
     * zero padding up to the minimum frame size, then the rest as the caller's trailer field.
     */
    private void addTrailer(PacketInfo pinfo, Tvb tvb, Call call, Tvb next, int taken) {
        int left = next.reportedLength() - taken;
        if (left <= 0 || call.callerTree() == null) {
            return;
        }
        Tvb rest = next.subset(taken);
        int frameLen = pinfo.record().originalLength();
        int pad = 0;
        if (frameLen >= MIN_FRAME && frameLen - left < MIN_FRAME) {
            pad = Math.min(left, MIN_FRAME - (frameLen - left));
            // tshark's default (eth.padding "zeros"): padding stops at the first non-zero byte.
            int zeros = 0;
            while (zeros < pad && zeros < rest.length() && rest.u8(zeros) == 0) {
                zeros++;
            }
            pad = zeros;
        }
        if (pad > 0) {
            call.callerTree().add(padding, rest, 0, pad, rest.bytes(0, pad));
        }
        int trailerLen = Math.min(left - pad, rest.remaining(pad));
        if (trailerLen > 0) {
            call.callerTree().add(call.trailer(), rest, pad, trailerLen, rest.bytes(pad, trailerLen));
        }
    }
}
