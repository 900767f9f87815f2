package io.jdissect.protocols.ipv6;

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
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.kaitai.Ipv6ExtensionHeader;
import io.jdissect.protocols.ip.IpProtocols;

import java.util.Map;

/**
 * The Routing header (RFC 8200 section 4.4, protocol {@code ipv6.routing}): type and segments
 * left, the addresses of a type 0 source route (deprecated by RFC 5095, flagged as tshark does),
 * and other types' data as bytes.
 */
final class Ipv6RoutingDissector {
    private static final int SOURCE_ROUTE = 0;
    private static final int NIMROD = 1;
    private static final Map<Long, String> TYPES = Map.of(
            0L, "Source Route", 1L, "Nimrod", 2L, "Type 2 Routing", 3L, "RPL Source Route",
            4L, "Segment Routing", 5L, "Compact Routing Header 16", 6L, "Compact Routing Header 32");

    private final ProtocolDef proto;
    private final FieldDef nxt;
    private final FieldDef len;
    private final FieldDef lenOctets;
    private final FieldDef type;
    private final FieldDef segmentsLeft;
    private final FieldDef unknownData;
    private final FieldDef reserved;
    private final FieldDef address;
    private final Expert.Def deprecated;
    private final Expert expert;
    private final Ipv6Payload payload;
    private final DissectorHandle handle;

    Ipv6RoutingDissector(DissectorRegistry registry, Ipv6Payload payload) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Routing Header for IPv6", "IPv6 Routing", "ipv6.routing");
        nxt = f.field(proto, "ipv6.routing.nxt", "Next Header", FieldType.FT_UINT8).values(IpProtocols.LABELS).register();
        len = f.field(proto, "ipv6.routing.len", "Length", FieldType.FT_UINT8).register();
        lenOctets = f.field(proto, "ipv6.routing.len_oct", "Length", FieldType.FT_UINT16).register();
        type = f.field(proto, "ipv6.routing.type", "Type", FieldType.FT_UINT8).values(TYPES).register();
        segmentsLeft = f.field(proto, "ipv6.routing.segleft", "Segments Left", FieldType.FT_UINT8).register();
        unknownData = f.field(proto, "ipv6.routing.unknown_data", "Type-Specific Data", FieldType.FT_BYTES).register();
        reserved = f.field(proto, "ipv6.routing.src.reserved", "Reserved", FieldType.FT_BYTES).register();
        address = f.field(proto, "ipv6.routing.src.addr", "Address", FieldType.FT_IPv6).register();
        deprecated = registry.expert(proto, "ipv6.routing.deprecated", "Routing header type is deprecated",
                Expert.Severity.NOTE, Expert.Group.DEPRECATED);
        expert = registry.expert();
        this.payload = payload;
        handle = registry.register("ipv6.routing", proto, this::dissect);
    }

    DissectorHandle handle() {
        return handle;
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Ipv6ExtensionHeader h = new Ipv6ExtensionHeader(KaitaiTvb.stream(tvb, 0, 2));
        int length = h.lengthOctets();
        int routingType = tvb.u8(2);
        Ipv6Context ctx = pinfo.get(Ipv6Context.class);
        TreeItem parent = ctx != null ? ctx.tree() : tree;
        TreeItem item = parent.add(proto.field(), tvb, 0, length)
                .setText(proto.name() + " (" + TYPES.getOrDefault((long) routingType, "Unknown") + ")");
        item.add(nxt, tvb, 0, 1, h.nextHeader());
        item.add(len, tvb, 1, 1, h.length());
        item.add(lenOctets, tvb, 1, 1, length).setText("Length: " + length + " bytes").generated();
        TreeItem typeItem = item.add(type, tvb, 2, 1, routingType);
        if (routingType == SOURCE_ROUTE || routingType == NIMROD) {
            expert.add(typeItem, deprecated, tvb, 2, 1);
        }
        item.add(segmentsLeft, tvb, 3, 1, tvb.u8(3));
        tvb.ensure(0, length);
        if (routingType == SOURCE_ROUTE) {
            item.add(reserved, tvb, 4, 4, tvb.bytes(4, 4));
            for (int off = 8, n = 1; off + 16 <= length; off += 16, n++) {
                String text = io.jdissect.api.Address.FormatUtil.ipv6(tvb.bytes(off, 16));
                item.add(address, tvb, off, 16, tvb.bytes(off, 16)).setText("Address[" + n + "]: " + text);
            }
        } else if (length > 4) {
            item.add(unknownData, tvb, 4, length - 4, tvb.bytes(4, length - 4));
        }
        payload.dispatch(h.nextHeader(), tvb.subset(length), pinfo, tree);
        return tvb.reportedLength();
    }
}
