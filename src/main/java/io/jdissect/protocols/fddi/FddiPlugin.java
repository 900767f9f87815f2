package io.jdissect.protocols.fddi;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.frame.LinkTypes;

/** FDDI; the bit-swapped variant is the link layer of LINKTYPE_FDDI captures. */
public final class FddiPlugin implements ProtocolPlugin {
    private FddiDissector fddi;

    @Override
    public String name() {
        return "fddi";
    }

    @Override
    public void register(DissectorRegistry registry) {
        fddi = new FddiDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        fddi.handoff(registry);
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_FDDI_BITSWAPPED, fddi.bitswappedHandle());
    }
}
