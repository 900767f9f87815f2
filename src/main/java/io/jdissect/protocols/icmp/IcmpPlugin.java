package io.jdissect.protocols.icmp;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/** ICMP over IPv4 (IP protocol 1). */
public final class IcmpPlugin implements ProtocolPlugin {
    private static final int IP_PROTO_ICMP = 1;

    private IcmpDissector dissector;

    @Override
    public String name() {
        return "icmp";
    }

    @Override
    public void register(DissectorRegistry registry) {
        dissector = new IcmpDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        dissector.handoff(registry);
        registry.table(DissectorRegistry.IP_PROTO).add(IP_PROTO_ICMP, dissector.handle());
    }
}
