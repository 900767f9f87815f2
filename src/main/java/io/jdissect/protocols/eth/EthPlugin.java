package io.jdissect.protocols.eth;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.frame.LinkTypes;

/** Ethernet and the ethertype dispatcher; Ethernet is the link layer of LINKTYPE_ETHERNET. */
public final class EthPlugin implements ProtocolPlugin {
    private EthDissector eth;
    private EthertypeDissector ethertype;

    @Override
    public String name() {
        return "eth";
    }

    @Override
    public void register(DissectorRegistry registry) {
        eth = new EthDissector(registry);
        ethertype = eth.ethertypeDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        eth.handoff(registry);
        ethertype.handoff(registry);
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_ETHERNET, eth.handle());
    }
}
