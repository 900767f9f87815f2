package io.jdissect.protocols.ip;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * LINKTYPE_RAW (packet-raw.c): the packet starts with an IP header, and its version nibble says
 * whether it is IPv4 or IPv6 ({@code raw:ip:tcp}).
 */
final class RawIpDissector {
    private final ProtocolDef proto;
    private final DissectorHandle handle;
    private DissectorHandle ipv4;
    private DissectorHandle ipv6;
    private DissectorHandle data;

    RawIpDissector(DissectorRegistry registry) {
        proto = registry.fields().protocol("Raw packet data", "Raw", "raw");
        handle = registry.register("raw_ip", proto, this::dissect);
    }

    DissectorHandle handle() {
        return handle;
    }

    void handoff(DissectorRegistry registry) {
        ipv4 = registry.handle("ip");
        ipv6 = registry.handle("ipv6");
        data = registry.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("Raw");
        pinfo.columns().setInfo("Raw packet data");
        tree.add(proto.field(), tvb, 0, tvb.reportedLength()).setText("Raw packet data");
        int version = tvb.length() > 0 ? tvb.u8(0) >> 4 : 0;
        DissectorHandle next = version == 4 ? ipv4 : version == 6 ? ipv6 : null;
        pinfo.callContained(next != null ? next : data, tvb, tree);
        return tvb.reportedLength();
    }
}
