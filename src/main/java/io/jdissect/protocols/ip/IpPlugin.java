package io.jdissect.protocols.ip;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.eth.EtherTypes;
import io.jdissect.protocols.frame.LinkTypes;

/** IPv4, and the raw-IP link types that start with an IP header. */
public final class IpPlugin implements ProtocolPlugin {
    /** BSD AF_INET, the key of IPv4 in the "null.type" table. */
    private static final int BSD_AF_INET = 2;

    private Ipv4Dissector ipv4;
    private RawIpDissector raw;

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public void register(DissectorRegistry registry) {
        ipv4 = new Ipv4Dissector(registry);
        raw = new RawIpDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        ipv4.handoff(registry);
        raw.handoff(registry);
        registry.table(DissectorRegistry.ETHERTYPE).add(EtherTypes.IPV4, ipv4.handle());
        registry.table(DissectorRegistry.IP_PROTO).add(4, ipv4.handle());
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_RAW_IP, raw.handle());
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_RAW_IP4, ipv4.handle());
        DissectorTable nullFamilies = registry.findTable("null.type");
        if (nullFamilies != null) {
            nullFamilies.add(BSD_AF_INET, ipv4.handle());
        }
    }
}
