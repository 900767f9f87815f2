package io.jdissect.protocols.tcp;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Registers TCP: its fields, preferences and the "tcp" handle, and attaches it to {@code ip.proto}
 * 6. Application dissectors attach to the {@code tcp.port} table (created by the core registry)
 * and to the "tcp" heuristic list.
 */
public final class TcpPlugin implements ProtocolPlugin {
    /** IANA protocol number of TCP in the IPv4/IPv6 header. */
    private static final int IP_PROTO_TCP = 6;

    private TcpFields fields;
    private TcpDissector dissector;

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public void register(DissectorRegistry registry) {
        fields = new TcpFields(registry);
        TcpPreferences.declare(registry.preferences());
        registry.register("tcp", fields.proto, this::dissect);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        TcpPreferences prefs = TcpPreferences.read(registry.preferences());
        PayloadHandoff handoff = new PayloadHandoff(registry, prefs.noSubdissectorOnError);
        dissector = new TcpDissector(fields, registry.expert(), handoff, prefs);
        DissectorHandle tcp = registry.handle("tcp");
        registry.table(DissectorRegistry.IP_PROTO).add(IP_PROTO_TCP, tcp);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        return dissector.dissect(tvb, pinfo, tree);
    }
}
