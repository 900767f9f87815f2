package io.jdissect.protocols.ipv6;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.eth.EtherTypes;
import io.jdissect.protocols.frame.LinkTypes;
import io.jdissect.protocols.ip.IpProtocols;

/** IPv6 and its extension headers (hop-by-hop, routing, fragment, destination options). */
public final class Ipv6Plugin implements ProtocolPlugin {
    /** BSD AF_INET6 numbers (NetBSD/OpenBSD, FreeBSD, Darwin), the keys of IPv6 in "null.type". */
    private static final int[] BSD_AF_INET6 = {24, 28, 30};

    private final Ipv6Payload payload = new Ipv6Payload();
    private Ipv6Dissector ipv6;
    private Ipv6OptionsDissector hopByHop;
    private Ipv6OptionsDissector destination;
    private Ipv6RoutingDissector routing;
    private Ipv6FragmentDissector fragment;

    @Override
    public String name() {
        return "ipv6";
    }

    @Override
    public void register(DissectorRegistry registry) {
        ipv6 = new Ipv6Dissector(registry, payload);
        var options = Ipv6OptionsDissector.OptionFields.register(registry.fields(), ipv6.protocol());
        fragment = new Ipv6FragmentDissector(registry, ipv6.protocol(), payload);
        hopByHop = new Ipv6OptionsDissector(registry, "IPv6 Hop-by-Hop Option", "ipv6.hopopts", options, payload);
        routing = new Ipv6RoutingDissector(registry, payload);
        destination = new Ipv6OptionsDissector(registry, "Destination Options for IPv6", "ipv6.dstopts", options,
                payload);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        payload.handoff(registry);
        ipv6.handoff(registry);
        fragment.handoff(registry);
        registry.table(DissectorRegistry.ETHERTYPE).add(EtherTypes.IPV6, ipv6.handle());
        DissectorTable ipProto = registry.table(DissectorRegistry.IP_PROTO);
        ipProto.add(IpProtocols.IPV6, ipv6.handle());
        ipProto.add(IpProtocols.HOPOPTS, hopByHop.handle());
        ipProto.add(IpProtocols.ROUTING, routing.handle());
        ipProto.add(IpProtocols.FRAGMENT, fragment.handle());
        ipProto.add(IpProtocols.DSTOPTS, destination.handle());
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_RAW_IP6, ipv6.handle());
        DissectorTable nullFamilies = registry.findTable("null.type");
        if (nullFamilies != null) {
            for (int family : BSD_AF_INET6) {
                nullFamilies.add(family, ipv6.handle());
            }
        }
    }
}
