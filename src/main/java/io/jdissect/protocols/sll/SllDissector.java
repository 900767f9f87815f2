package io.jdissect.protocols.sll;

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
import io.jdissect.kaitai.Sll2Header;
import io.jdissect.kaitai.SllHeader;
import io.jdissect.protocols.eth.EtherTypes;
import io.jdissect.protocols.eth.EthertypeDissector;

import java.util.Map;

/**
 * Linux "cooked" captures (packet-sll.c), the link layer of captures on the "any" device: v1
 * (LINKTYPE_LINUX_SLL, 16 bytes) and v2 (LINKTYPE_LINUX_SLL2, 20 bytes, with the interface index).
 * Both share the {@code sll.*} fields; an Ethernet protocol type goes through the ethertype
 * dispatcher ({@code sll:ethertype:ip}).
 */
final class SllDissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int V1_LEN = 16;
    private static final int V2_LEN = 20;
    private static final String V1_TITLE = "Linux cooked capture v1";
    private static final String V2_TITLE = "Linux cooked capture v2";
    private static final int ADDRESS_FIELD_LEN = 8;
    /** ARPHRD_ values whose addresses are 6-byte MACs (sll.src.eth). */
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_IEEE802 = 6;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int ARPHRD_IPGRE = 778;
    /** Linux protocol numbers below this are not EtherTypes (if_ether.h ETH_P_802_3_MIN). */
    private static final int ETH_P_802_3_MIN = 0x0600;

    private static final Map<Long, String> PACKET_TYPES = Map.of(
            0L, "Unicast to us", 1L, "Broadcast", 2L, "Multicast", 3L, "Unicast to another host", 4L, "Sent by us");
    private static final Map<Long, String> HA_TYPES = Map.ofEntries(
            Map.entry(1L, "Ethernet"), Map.entry(6L, "IEEE 802"), Map.entry(24L, "IEEE 1394"),
            Map.entry(512L, "PPP"), Map.entry(768L, "IPIP"), Map.entry(769L, "IPv6-in-IPv4"),
            Map.entry(772L, "Loopback"), Map.entry(776L, "IPv6 over IPv4"), Map.entry(778L, "IP GRE"),
            Map.entry(801L, "IEEE 802.11"), Map.entry(803L, "IEEE 802.11 + radiotap header"),
            Map.entry(804L, "IEEE 802.15.4"), Map.entry(820L, "Netlink"), Map.entry(65534L, "None"));
    private static final Map<Long, String> LINUX_PROTOCOLS = Map.of(
            1L, "Novell 802.3", 2L, "AX.25", 3L, "All", 4L, "802.2 LLC", 5L, "SNAP", 0xcL, "CAN", 0xdL, "CAN FD",
            0x10L, "Netlink");

    private final ProtocolDef proto;
    private final FieldDef pkttype;
    private final FieldDef hatype;
    private final FieldDef halen;
    private final FieldDef srcEth;
    private final FieldDef srcIpv4;
    private final FieldDef srcOther;
    private final FieldDef unused;
    private final FieldDef ltype;
    private final FieldDef gretype;
    private final FieldDef etype;
    private final FieldDef trailer;
    private final FieldDef ifindex;
    private final DissectorHandle v1;
    private final DissectorHandle v2;
    private DissectorHandle ethertype;
    private DissectorHandle data;

    SllDissector(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Linux cooked-mode capture", "SLL", "sll");
        pkttype = f.field(proto, "sll.pkttype", "Packet type", FieldType.FT_UINT16).values(PACKET_TYPES).register();
        hatype = f.field(proto, "sll.hatype", "Link-layer address type", FieldType.FT_UINT16).values(HA_TYPES).register();
        halen = f.field(proto, "sll.halen", "Link-layer address length", FieldType.FT_UINT16).register();
        srcEth = f.field(proto, "sll.src.eth", "Source", FieldType.FT_ETHER).blurb("Source link-layer address").register();
        srcIpv4 = f.field(proto, "sll.src.ipv4", "Source", FieldType.FT_IPv4).blurb("Source link-layer address").register();
        srcOther = f.field(proto, "sll.src.other", "Source", FieldType.FT_BYTES).blurb("Source link-layer address").register();
        unused = f.field(proto, "sll.unused", "Unused", FieldType.FT_BYTES).blurb("Unused bytes").register();
        ltype = f.field(proto, "sll.ltype", "Protocol", FieldType.FT_UINT16).hex().values(LINUX_PROTOCOLS)
                .blurb("Linux protocol type").register();
        gretype = f.field(proto, "sll.gretype", "Protocol", FieldType.FT_UINT16).hex().values(EtherTypes.LABELS)
                .blurb("GRE protocol type").register();
        etype = f.field(proto, "sll.etype", "Protocol", FieldType.FT_UINT16).hex().values(EtherTypes.LABELS)
                .blurb("Ethernet protocol type").register();
        trailer = f.field(proto, "sll.trailer", "Trailer", FieldType.FT_BYTES).register();
        ifindex = f.field(proto, "sll.ifindex", "Interface index", FieldType.FT_UINT32).register();
        v1 = registry.register("sll_v1", proto, this::dissectV1);
        v2 = registry.register("sll_v2", proto, this::dissectV2);
    }

    DissectorHandle v1() {
        return v1;
    }

    DissectorHandle v2() {
        return v2;
    }

    void handoff(DissectorRegistry registry) {
        ethertype = registry.handle("ethertype");
        data = registry.handle("data");
    }

    private int dissectV1(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        SllHeader h = new SllHeader(KaitaiTvb.stream(headerIo, tvb, 0, V1_LEN));
        TreeItem sll = begin(pinfo, tree, tvb, V1_LEN, V1_TITLE, h.packetType());
        sll.add(pkttype, tvb, 0, 2, h.packetType());
        sll.add(hatype, tvb, 2, 2, h.hatype());
        sll.add(halen, tvb, 4, 2, h.halen());
        source(pinfo, sll, tvb, 6, h.hatype(), h.halen(), h.address());
        FieldDef protocolField = protocolField(h.hatype(), h.protocol());
        sll.add(protocolField, tvb, 14, 2, h.protocol());
        return dispatch(tvb, pinfo, tree, sll, V1_LEN, h.protocol(), protocolField, V1_TITLE);
    }

    private int dissectV2(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Sll2Header h = new Sll2Header(KaitaiTvb.stream(headerIo, tvb, 0, V2_LEN));
        TreeItem sll = begin(pinfo, tree, tvb, V2_LEN, V2_TITLE, h.packetType());
        FieldDef protocolField = protocolField(h.hatype(), h.protocol());
        sll.add(protocolField, tvb, 0, 2, h.protocol());
        sll.add(ifindex, tvb, 4, 4, h.ifindex());
        sll.add(hatype, tvb, 8, 2, h.hatype());
        sll.add(pkttype, tvb, 10, 1, h.packetType());
        sll.add(halen, tvb, 11, 1, h.halen());
        source(pinfo, sll, tvb, 12, h.hatype(), h.halen(), h.address());
        return dispatch(tvb, pinfo, tree, sll, V2_LEN, h.protocol(), protocolField, V2_TITLE);
    }

    /** SLL's item, or the discarding tree when nothing reads SLL's fields (a filter on SMTP only, say). */
    private TreeItem begin(PacketInfo pinfo, TreeItem tree, Tvb tvb, int len, String title, int packetType) {
        pinfo.columns().setProtocol("SLL");
        if (pinfo.columns().active()) {
            String label = PACKET_TYPES.get((long) packetType);
            pinfo.columns().setInfo(label == null ? "Unknown (" + packetType + ")" : label);
        }
        return pinfo.addIfWanted(tree, proto.field(), tvb, 0, len).setText(title);
    }

    /** The sender's address in the first {@code halen} of the 8 address bytes; the rest is unused. */
    private void source(PacketInfo pinfo, TreeItem sll, Tvb tvb, int offset, int hatypeValue, int halenValue,
                        byte[] address) {
        int shown = Math.min(halenValue, ADDRESS_FIELD_LEN);
        boolean mac = hatypeValue == ARPHRD_ETHER || hatypeValue == ARPHRD_IEEE802 || hatypeValue == ARPHRD_LOOPBACK;
        if (mac && halenValue == 6) {
            byte[] a = java.util.Arrays.copyOf(address, 6);
            sll.add(srcEth, tvb, offset, 6, a);
            Address src = new Address(Address.Type.ETHER, a);
            pinfo.setDlAddresses(src, Address.NONE);
            pinfo.columns().setSource(src);
        } else if (sll.isDiscarding()) {
            return; // the rest only makes items
        } else if (hatypeValue == ARPHRD_IPGRE && halenValue == 4) {
            sll.add(srcIpv4, tvb, offset, 4, tvb.u32(offset));
        } else if (shown > 0) {
            sll.add(srcOther, tvb, offset, shown, java.util.Arrays.copyOf(address, shown));
        }
        if (shown < ADDRESS_FIELD_LEN) {
            sll.add(unused, tvb, offset + shown, ADDRESS_FIELD_LEN - shown,
                    java.util.Arrays.copyOfRange(address, shown, ADDRESS_FIELD_LEN));
        }
    }

    /** The protocol's field: a Linux protocol number, a GRE protocol type, or an EtherType. */
    private FieldDef protocolField(int hatypeValue, int protocolValue) {
        return protocolValue < ETH_P_802_3_MIN ? ltype : hatypeValue == ARPHRD_IPGRE ? gretype : etype;
    }

    private int dispatch(Tvb tvb, PacketInfo pinfo, TreeItem tree, TreeItem sll, int headerLen, int protocolValue,
                         FieldDef protocolField, String title) {
        if (protocolField == etype) {
            pinfo.put(EthertypeDissector.Call.class,
                    new EthertypeDissector.Call(protocolValue, headerLen, sll, trailer, title, 0));
            pinfo.call(ethertype, tvb, tree);
        } else {
            // Linux protocol numbers (802.2 LLC, CAN, …) and GRE payloads are not dissected here.
            pinfo.callContained(data, tvb.subset(headerLen), tree);
        }
        return tvb.reportedLength();
    }
}
