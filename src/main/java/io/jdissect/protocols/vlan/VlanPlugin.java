package io.jdissect.protocols.vlan;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.eth.EtherTypes;

/** 802.1Q VLAN tags and 802.1ad (Q-in-Q) service tags in the ethertype table. */
public final class VlanPlugin implements ProtocolPlugin {
    private VlanDissector dissector;

    @Override
    public String name() {
        return "vlan";
    }

    @Override
    public void register(DissectorRegistry registry) {
        dissector = new VlanDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        dissector.handoff(registry);
        var ethertype = registry.table(DissectorRegistry.ETHERTYPE);
        ethertype.add(EtherTypes.VLAN, dissector.vlanHandle());
        ethertype.add(EtherTypes.QINQ_OLD, dissector.vlanHandle());
        ethertype.add(EtherTypes.QINQ, dissector.qinqHandle());
    }
}
