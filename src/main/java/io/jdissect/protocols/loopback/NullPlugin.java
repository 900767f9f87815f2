package io.jdissect.protocols.loopback;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.frame.LinkTypes;

/** BSD NULL and OpenBSD LOOP link layers; IP and IPv6 attach to the "null.type" table. */
public final class NullPlugin implements ProtocolPlugin {
    /** Table name for protocols that run over BSD loopback, keyed by address family. */
    public static final String FAMILY_TABLE = NullDissector.FAMILY_TABLE;

    private NullDissector dissector;

    @Override
    public String name() {
        return "null";
    }

    @Override
    public void register(DissectorRegistry registry) {
        dissector = new NullDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        dissector.handoff(registry);
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_NULL, dissector.nullHandle());
        registry.table(DissectorRegistry.LINK_TYPE).add(LinkTypes.ENCAP_LOOP, dissector.loopHandle());
    }
}
