package io.jdissect.protocols.eth;

import io.jdissect.api.Address;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.kaitai.EthernetHeader;

/**
 * Ethernet II and IEEE 802.3 frames (Wireshark's packet-eth.c): destination, source, and the
 * type/length field; the payload goes through the {@link EthertypeDissector}. Addresses are shown
 * unresolved, as {@code tshark -n} shows them (no {@code eth.*_resolved}, no OUI names).
 */
final class EthDissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int HEADER_LEN = 14;
    /** The capture does not say whether Ethernet frames keep their FCS (wiretap's fcs_len -1). */
    private static final int FCS_UNKNOWN = -1;

    private final ProtocolDef proto;
    private final FieldDef dst;
    private final FieldDef src;
    private final FieldDef len;
    private final FieldDef type;
    private final FieldDef addr;
    private final FieldDef trailer;
    private final FieldDef dstLg;
    private final FieldDef dstIg;
    private final FieldDef srcLg;
    private final FieldDef srcIg;
    private final FieldDef lg;
    private final FieldDef ig;
    private final FieldDef padding;
    private final FieldDef fcs;
    private final FieldDef fcsStatus;
    private final Expert.Def srcNotGroup;
    private final Expert expert;
    private final DissectorHandle handle;
    private DissectorHandle ethertype;
    /** Also shows the padding and trailer after an 802.3 frame's LLC payload. */
    private EthertypeDissector trailerDissector;
    private DissectorHandle data;
    /** Absent when no LLC plugin is loaded: 802.3 payloads are then data. */
    private DissectorHandle llc;

    EthDissector(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Ethernet", "Ethernet", "eth");
        dst = f.field(proto, "eth.dst", "Destination", FieldType.FT_ETHER).blurb("Destination Hardware Address").register();
        src = f.field(proto, "eth.src", "Source", FieldType.FT_ETHER).blurb("Source Hardware Address").register();
        len = f.field(proto, "eth.len", "Length", FieldType.FT_UINT16).register();
        type = f.field(proto, "eth.type", "Type", FieldType.FT_UINT16).hex().values(EtherTypes.LABELS).register();
        addr = f.field(proto, "eth.addr", "Address", FieldType.FT_ETHER)
                .blurb("Source or Destination Hardware Address").register();
        padding = f.field(proto, "eth.padding", "Padding", FieldType.FT_BYTES).blurb("Ethernet Padding").register();
        trailer = f.field(proto, "eth.trailer", "Trailer", FieldType.FT_BYTES).blurb("Ethernet Trailer or Checksum").register();
        fcs = f.field(proto, "eth.fcs", "Frame check sequence", FieldType.FT_UINT32).hex().blurb("Ethernet checksum")
                .register();
        fcsStatus = f.field(proto, "eth.fcs.status", "FCS Status", FieldType.FT_UINT8).base(io.jdissect.api.Base.NONE)
                .values(java.util.Map.of(0L, "Bad", 1L, "Good", 2L, "Unverified", 3L, "Not present", 4L, "Illegal"))
                .register();
        String lgBlurb = "Specifies if this is a locally administered or globally unique (IEEE assigned) address";
        String igBlurb = "Specifies if this is an individual (unicast) or group (broadcast/multicast) address";
        dstLg = lgBit(f, "eth.dst.lg", lgBlurb);
        dstIg = igBit(f, "eth.dst.ig", igBlurb);
        srcLg = lgBit(f, "eth.src.lg", lgBlurb);
        srcIg = igBit(f, "eth.src.ig", igBlurb);
        lg = lgBit(f, "eth.lg", lgBlurb);
        ig = igBit(f, "eth.ig", igBlurb);
        srcNotGroup = registry.expert(proto, "eth.src_not_group",
                "Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)", Expert.Severity.WARNING,
                Expert.Group.PROTOCOL);
        expert = registry.expert();
        handle = registry.register("eth_withoutfcs", proto, this::dissect);
        registry.register("eth", proto, this::dissect);
    }

    private FieldDef lgBit(FieldRegistry f, String abbrev, String blurb) {
        return f.field(proto, abbrev, "LG bit", FieldType.FT_BOOLEAN).mask(0x020000, 24)
                .trueFalse("Locally administered address (this is NOT the factory default)",
                        "Globally unique address (factory default)").blurb(blurb).register();
    }

    private FieldDef igBit(FieldRegistry f, String abbrev, String blurb) {
        return f.field(proto, abbrev, "IG bit", FieldType.FT_BOOLEAN).mask(0x010000, 24)
                .trueFalse("Group address (multicast/broadcast)", "Individual address (unicast)").blurb(blurb).register();
    }

    DissectorHandle handle() {
        return handle;
    }

    /** Creates the ethertype dispatcher, which shows padding and FCS with Ethernet's fields. */
    EthertypeDissector ethertypeDissector(DissectorRegistry registry) {
        Expert.Def paddingBad = registry.expert(proto, "eth.padding_bad",
                "Padding identification may be inaccurate and impact trailer dissector", Expert.Severity.NOTE,
                Expert.Group.PROTOCOL);
        trailerDissector = new EthertypeDissector(registry,
                new EthertypeDissector.TrailerFields(padding, fcs, fcsStatus, paddingBad));
        return trailerDissector;
    }

    void handoff(DissectorRegistry registry) {
        ethertype = registry.handle("ethertype");
        data = registry.handle("data");
        llc = registry.handle("llc");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("Ethernet");
        if (tvb.length() < HEADER_LEN) {
            // tshark takes the destination, then the source, before it fails on a cut header.
            if (tvb.length() >= 6) {
                pinfo.columns().setDestination(new Address(Address.Type.ETHER, tvb.bytes(0, 6)).toString());
            }
            tvb.ensure(0, HEADER_LEN);
        }
        EthernetHeader h = new EthernetHeader(KaitaiTvb.stream(headerIo, tvb, 0, HEADER_LEN));
        Address srcAddr = new Address(Address.Type.ETHER, h.src());
        Address dstAddr = new Address(Address.Type.ETHER, h.dst());
        pinfo.setDlAddresses(srcAddr, dstAddr);
        pinfo.columns().setSource(srcAddr);
        pinfo.columns().setDestination(dstAddr);
        int typeOrLength = h.typeOrLength();
        // A type/length of 0 is not an 802.3 length: tshark takes it as Ethernet II (ETHERTYPE_UNK,
        // used inside Cisco MDS switches).
        boolean ethernet2 = typeOrLength >= EtherTypes.MIN_ETHERTYPE || typeOrLength == 0;
        // Nothing reads Ethernet's items (a filter on SMTP only, say): none is made.
        TreeItem eth = pinfo.addIfWanted(tree, proto.field(), tvb, 0, HEADER_LEN);
        if (!eth.isDiscarding()) {
            // tshark 4.0 labels an 802.3 frame without its addresses (and with a trailing space).
            eth.setText(() -> ethernet2 ? "Ethernet II, Src: " + srcAddr + ", Dst: " + dstAddr : "IEEE 802.3 Ethernet ");
            address(eth, tvb, 0, dst, h.dst(), dstLg, dstIg);
            address(eth, tvb, 6, src, h.src(), srcLg, srcIg);
        }
        // The capture may say whether the frame keeps its FCS (pcapng packet flags); else it is guessed.
        int fcsLength = tvb.isSource() ? pinfo.record().fcsLength() : FCS_UNKNOWN;
        if (!ethernet2) {
            // IEEE 802.3: the length field, then an 802.2 LLC header (packet-ieee8023.c).
            eth.add(len, tvb, 12, 2, typeOrLength);
            int payload = Math.min(typeOrLength, tvb.reportedLength() - HEADER_LEN);
            pinfo.callContained(llc != null ? llc : data, tvb.subset(HEADER_LEN, payload), tree);
            trailerDissector.addTrailer(pinfo, tvb, new EthertypeDissector.Call(typeOrLength, HEADER_LEN, eth, trailer,
                    "IEEE 802.3", fcsLength), tvb.subset(HEADER_LEN), payload);
            return tvb.reportedLength();
        }
        eth.add(type, tvb, 12, 2, typeOrLength);
        pinfo.put(EthertypeDissector.Call.class,
                new EthertypeDissector.Call(typeOrLength, HEADER_LEN, eth, trailer, "Ethernet II", fcsLength));
        pinfo.call(ethertype, tvb, tree);
        return tvb.reportedLength();
    }

    /** An address with its subtree: eth.addr and the LG/IG bits of its first octet (eth.lg/ig hidden). */
    private void address(TreeItem eth, Tvb tvb, int offset, FieldDef which, byte[] mac, FieldDef whichLg,
                         FieldDef whichIg) {
        TreeItem a = eth.add(which, tvb, offset, 6, mac);
        if (which == src && (mac[0] & 1) != 0) {
            expert.add(a, srcNotGroup, tvb, offset, 6);
        }
        a.add(addr, tvb, offset, 6, mac);
        long lgBit = (mac[0] >> 1) & 1;
        long igBit = mac[0] & 1;
        a.add(whichLg, tvb, offset, 3, lgBit);
        a.add(lg, tvb, offset, 3, lgBit).hidden();
        a.add(whichIg, tvb, offset, 3, igBit);
        a.add(ig, tvb, offset, 3, igBit).hidden();
    }
}
