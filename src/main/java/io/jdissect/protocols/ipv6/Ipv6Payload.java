package io.jdissect.protocols.ipv6;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.ip.IpProtocols;

/**
 * Hands what follows an IPv6 header or extension header to the protocol its Next Header names
 * (the {@code ip.proto} table, where the extension headers are registered too), or shows it as
 * data with tshark's "Unknown IP Protocol" Info.
 */
final class Ipv6Payload {
    private DissectorTable ipProto;
    private DissectorHandle data;

    void handoff(DissectorRegistry registry) {
        ipProto = registry.table(DissectorRegistry.IP_PROTO);
        data = registry.handle("data");
    }

    void dispatch(int nextHeader, Tvb payload, PacketInfo pinfo, TreeItem tree) {
        int taken = ipProto.tryDissect(nextHeader, payload, pinfo, tree);
        if (taken <= 0) {
            pinfo.columns().setInfo("Unknown IP Protocol: " + IpProtocols.name(nextHeader) + " (" + nextHeader + ")");
            showData(payload, pinfo, tree);
        }
    }

    void showData(Tvb payload, PacketInfo pinfo, TreeItem tree) {
        pinfo.callContained(data, payload, tree);
    }
}
