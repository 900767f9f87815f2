package io.jdissect.protocols.sll;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.frame.LinkTypes;

/** Linux cooked captures v1 and v2 as link layers. */
public final class SllPlugin implements ProtocolPlugin {
    private SllDissector sll;

    @Override
    public String name() {
        return "sll";
    }

    @Override
    public void register(DissectorRegistry registry) {
        sll = new SllDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        sll.handoff(registry);
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_SLL, sll.v1());
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_SLL2, sll.v2());
    }
}
