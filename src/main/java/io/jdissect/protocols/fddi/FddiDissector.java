package io.jdissect.protocols.fddi;

import io.jdissect.api.Address;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.kaitai.FddiHeader;

/**
 * FDDI frames as tshark 4.0 shows them (packet-fddi.c): frame control with its class and
 * priority or subtype, destination and source; async LLC frames go to LLC, others to data.
 * Captures of LINKTYPE_FDDI store the addresses bit-swapped: they are shown in canonical
 * order, and, as tshark does, each is also added hidden in the other order (identical when the
 * capture was bit-swapped) so a filter written either way matches.
 */
final class FddiDissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int HEADER_LEN = 13;

    private final ProtocolDef proto;
    private final FieldDef fc;
    private final FieldDef clf;
    private final FieldDef prio;
    private final FieldDef smtSubtype;
    private final FieldDef macSubtype;
    private final FieldDef dst;
    private final FieldDef src;
    private final FieldDef addr;
    private final DissectorHandle bitswapped;
    private DissectorHandle llc;
    private DissectorHandle data;

    FddiDissector(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Fiber Distributed Data Interface", "FDDI", "fddi");
        fc = f.field(proto, "fddi.fc", "Frame Control", FieldType.FT_UINT8).hex().register();
        clf = f.field(proto, "fddi.fc.clf", "Class/Length/Format", FieldType.FT_UINT8).hex()
                .values(FrameControl.CLF_LABELS).mask(FrameControl.CLFF).register();
        prio = f.field(proto, "fddi.fc.prio", "Priority", FieldType.FT_UINT8).mask(FrameControl.ASYNC_PRIORITY)
                .register();
        smtSubtype = f.field(proto, "fddi.fc.smt_subtype", "SMT Subtype", FieldType.FT_UINT8)
                .values(FrameControl.SMT_SUBTYPES).mask(FrameControl.ZZZZ).register();
        macSubtype = f.field(proto, "fddi.fc.mac_subtype", "MAC Subtype", FieldType.FT_UINT8)
                .values(FrameControl.MAC_SUBTYPES).mask(FrameControl.ZZZZ).register();
        dst = f.field(proto, "fddi.dst", "Destination", FieldType.FT_ETHER).blurb("Destination Hardware Address")
                .register();
        src = f.field(proto, "fddi.src", "Source", FieldType.FT_ETHER).register();
        addr = f.field(proto, "fddi.addr", "Source or Destination Address", FieldType.FT_ETHER)
                .blurb("Source or Destination Hardware Address").register();
        registry.register("fddi", proto, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, false));
        bitswapped = registry.register("fddi_bitswapped", proto, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, true));
    }

    DissectorHandle bitswappedHandle() {
        return bitswapped;
    }

    void handoff(DissectorRegistry registry) {
        llc = registry.handle("llc");
        data = registry.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree, boolean swapped) {
        pinfo.columns().setProtocol("FDDI");
        int control = tvb.u8(0);
        String description = FrameControl.describe(control);
        pinfo.columns().clearInfo();
        pinfo.columns().appendInfo(description);
        TreeItem ti = tree.add(proto.field(), tvb, 0, HEADER_LEN)
                .setText("Fiber Distributed Data Interface, " + description);
        TreeItem fcItem = ti.add(fc, tvb, 0, 1, control)
                .setText(String.format("Frame Control: 0x%02x (%s)", control, description));
        fcItem.add(clf, tvb, 0, 1, (control & FrameControl.CLFF) >> 4);
        switch (control & FrameControl.CLFF) {
            case FrameControl.SMT -> fcItem.add(smtSubtype, tvb, 0, 1, control & FrameControl.ZZZZ);
            case FrameControl.MAC -> {
                if (control != FrameControl.RESTRICTED_TOKEN) {
                    fcItem.add(macSubtype, tvb, 0, 1, control & FrameControl.ZZZZ);
                }
            }
            case FrameControl.LLC_ASYNC -> {
                if ((control & FrameControl.ASYNC_RESERVED) == 0) {
                    fcItem.add(prio, tvb, 0, 1, control & FrameControl.ASYNC_PRIORITY);
                }
            }
            default -> { }
        }
        tvb.ensure(0, HEADER_LEN);
        FddiHeader h = new FddiHeader(KaitaiTvb.stream(headerIo, tvb, 0, HEADER_LEN));
        byte[] dstAddr = address(ti, tvb, 1, dst, h.dst(), swapped);
        byte[] srcAddr = address(ti, tvb, 7, src, h.src(), swapped);
        Address source = new Address(Address.Type.ETHER, srcAddr);
        Address destination = new Address(Address.Type.ETHER, dstAddr);
        pinfo.setDlAddresses(source, destination);
        pinfo.columns().setSource(source);
        pinfo.columns().setDestination(destination);
        Tvb next = tvb.subset(HEADER_LEN);
        pinfo.callContained(FrameControl.isAsyncLlc(control) ? llc : data, next, tree);
        return tvb.reportedLength();
    }

    /** The address as shown, its hidden fddi.addr, and both again in the other bit order. */
    private byte[] address(TreeItem ti, Tvb tvb, int offset, FieldDef which, byte[] raw, boolean swapped) {
        byte[] reversed = bitReversed(raw);
        byte[] shown = swapped ? reversed : raw;
        ti.add(which, tvb, offset, 6, shown);
        ti.add(addr, tvb, offset, 6, shown).hidden();
        ti.add(which, tvb, offset, 6, reversed).hidden();
        ti.add(addr, tvb, offset, 6, reversed).hidden();
        return shown;
    }

    /** Each octet with its bits in reverse order (FDDI sends an octet's bits most significant first). */
    private static byte[] bitReversed(byte[] octets) {
        byte[] out = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            out[i] = (byte) (Integer.reverse(octets[i] & 0xff) >>> 24);
        }
        return out;
    }
}
