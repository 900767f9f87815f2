package io.jdissect.protocols.udp;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Registers UDP: its fields, the "udp" handle and heuristic list, and attaches it to
 * {@code ip.proto} 17. Application dissectors attach to the {@code udp.port} table (created by
 * the core registry) or to the "udp" heuristics.
 */
public final class UdpPlugin implements ProtocolPlugin {
    /** IANA protocol number of UDP in the IPv4/IPv6 header. */
    private static final int IP_PROTO_UDP = 17;

    private UdpFields fields;
    private UdpDissector dissector;

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public void register(DissectorRegistry registry) {
        fields = new UdpFields(registry);
        registry.heuristicTable("udp");
        registry.register("udp", fields.proto, this::dissect);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        dissector = new UdpDissector(fields, registry.expert(), new UdpPayloadHandoff(registry));
        registry.table(DissectorRegistry.IP_PROTO).add(IP_PROTO_UDP, registry.handle("udp"));
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        return dissector.dissect(tvb, pinfo, tree);
    }
}
