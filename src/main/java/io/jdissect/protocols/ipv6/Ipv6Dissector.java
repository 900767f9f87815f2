package io.jdissect.protocols.ipv6;

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
import io.jdissect.kaitai.Ipv6Header;
import io.jdissect.protocols.ip.BitPattern;
import io.jdissect.protocols.ip.IpProtocols;
import io.jdissect.protocols.ip.TrafficClass;

/**
 * The IPv6 fixed header (RFC 8200 section 3, packet-ipv6.c) with tshark's fields and labels, also
 * the hidden {@code ip.version} 6 tshark adds so that {@code ip.version == 6} matches; the
 * payload goes to its Next Header through {@link Ipv6Payload}. Returns the packet's length
 * (40 + payload length) so the link layer can show what follows as padding or trailer.
 */
final class Ipv6Dissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int HEADER_LEN = 40;

    private final ProtocolDef proto;
    private final FieldDef version;
    private final FieldDef tclass;
    private final FieldDef dscp;
    private final FieldDef ecn;
    private final FieldDef flow;
    private final FieldDef plen;
    private final FieldDef nxt;
    private final FieldDef hlim;
    private final FieldDef src;
    private final FieldDef srcHost;
    private final FieldDef dst;
    private final FieldDef dstHost;
    private final FieldDef addr;
    private final FieldDef host;
    private final Ipv6Payload payload;
    private final DissectorHandle handle;
    private FieldDef ipVersion;

    Ipv6Dissector(DissectorRegistry registry, Ipv6Payload payload) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Internet Protocol Version 6", "IPv6", "ipv6");
        version = f.field(proto, "ipv6.version", "Version", FieldType.FT_UINT8).register();
        tclass = f.field(proto, "ipv6.tclass", "Traffic Class", FieldType.FT_UINT32).hex().mask(0x0ff00000, 32).register();
        dscp = f.field(proto, "ipv6.tclass.dscp", "Differentiated Services Codepoint", FieldType.FT_UINT32)
                .mask(0x0fc00000, 32).values(TrafficClass.DSCP).register();
        ecn = f.field(proto, "ipv6.tclass.ecn", "Explicit Congestion Notification", FieldType.FT_UINT32)
                .mask(0x00300000, 32).values(TrafficClass.ECN).register();
        flow = f.field(proto, "ipv6.flow", "Flow Label", FieldType.FT_UINT24).hex().mask(0xfffff, 24).register();
        plen = f.field(proto, "ipv6.plen", "Payload Length", FieldType.FT_UINT16).register();
        nxt = f.field(proto, "ipv6.nxt", "Next Header", FieldType.FT_UINT8).values(IpProtocols.LABELS).register();
        hlim = f.field(proto, "ipv6.hlim", "Hop Limit", FieldType.FT_UINT8).register();
        src = f.field(proto, "ipv6.src", "Source Address", FieldType.FT_IPv6).blurb("Source IPv6 Address").register();
        srcHost = f.field(proto, "ipv6.src_host", "Source Host", FieldType.FT_STRING).blurb("Source IPv6 Host").register();
        dst = f.field(proto, "ipv6.dst", "Destination Address", FieldType.FT_IPv6).blurb("Destination IPv6 Address")
                .register();
        dstHost = f.field(proto, "ipv6.dst_host", "Destination Host", FieldType.FT_STRING)
                .blurb("Destination IPv6 Host").register();
        addr = f.field(proto, "ipv6.addr", "Source or Destination Address", FieldType.FT_IPv6).register();
        host = f.field(proto, "ipv6.host", "Source or Destination Host", FieldType.FT_STRING).register();
        this.payload = payload;
        handle = registry.register("ipv6", proto, this::dissect);
    }

    ProtocolDef protocol() {
        return proto;
    }

    DissectorHandle handle() {
        return handle;
    }

    void handoff(DissectorRegistry registry) {
        ipVersion = registry.fields().lookup("ip.version");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("IPv6");
        pinfo.columns().clearInfo();
        Ipv6Header h = new Ipv6Header(KaitaiTvb.stream(headerIo, tvb, 0, HEADER_LEN));
        Address srcAddr = new Address(Address.Type.IPv6, h.src());
        Address dstAddr = new Address(Address.Type.IPv6, h.dst());
        // Nothing reads IPv6's items (a filter on SMTP only, say): none is made, nor their text.
        TreeItem ip6 = pinfo.addIfWanted(tree, proto.field(), tvb, 0, HEADER_LEN);
        if (!ip6.isDiscarding()) {
            ip6.setText(() -> "Internet Protocol Version 6, Src: " + srcAddr + ", Dst: " + dstAddr);
            int v = h.version();
            int trafficClass = h.trafficClass();
            ip6.add(version, tvb, 0, 1, v).setText(BitPattern.of(tvb.u8(0), 0xf0, 8) + "Version: " + v);
            if (ipVersion != null) {
                ip6.add(ipVersion, tvb, 0, 1, v).hidden();
            }
            long first = tvb.u32(0);
            TreeItem tc = ip6.add(tclass, tvb, 0, 4, trafficClass)
                    .setText(BitPattern.of(first, 0x0ff00000, 32) + "Traffic Class: " + TrafficClass.summary(trafficClass));
            tc.add(dscp, tvb, 0, 4, trafficClass >> 2);
            tc.add(ecn, tvb, 0, 4, trafficClass & 3);
            ip6.add(flow, tvb, 1, 3, h.flowLabel());
            ip6.add(plen, tvb, 4, 2, h.payloadLength());
            ip6.add(nxt, tvb, 6, 1, h.nextHeader());
            ip6.add(hlim, tvb, 7, 1, h.hopLimit());
            address(ip6, tvb, 8, src, srcHost, h.src(), srcAddr);
            address(ip6, tvb, 24, dst, dstHost, h.dst(), dstAddr);
        }
        pinfo.setNetAddresses(srcAddr, dstAddr);
        pinfo.columns().setSource(srcAddr);
        pinfo.columns().setDestination(dstAddr);
        pinfo.put(Ipv6Context.class, new Ipv6Context(ip6, srcAddr, dstAddr));
        // A payload length of 0 (jumbogram, or segmentation offload) leaves the length to the frame.
        int available = tvb.reportedLength() - HEADER_LEN;
        int payloadLen = h.payloadLength() == 0 ? available : Math.min(h.payloadLength(), available);
        payload.dispatch(h.nextHeader(), tvb.subset(HEADER_LEN, payloadLen), pinfo, tree);
        return HEADER_LEN + payloadLen;
    }

    private void address(TreeItem ip6, Tvb tvb, int offset, FieldDef which, FieldDef whichHost, byte[] value,
                         Address text) {
        ip6.add(which, tvb, offset, 16, value);
        ip6.add(addr, tvb, offset, 16, value).hidden();
        ip6.add(whichHost, tvb, offset, 16, text.toString()).hidden();
        ip6.add(host, tvb, offset, 16, text.toString()).hidden();
    }
}
