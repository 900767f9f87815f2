package io.jdissect.protocols.llc;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/**
 * IEEE 802.2 LLC and SNAP, called by FDDI and by IEEE 802.3 Ethernet; protocols on non-SNAP
 * frames attach to the {@code llc.dsap} table, SNAP frames with an EtherType use {@code ethertype}.
 */
public final class LlcPlugin implements ProtocolPlugin {
    private LlcDissector llc;

    @Override
    public String name() {
        return "llc";
    }

    @Override
    public void register(DissectorRegistry registry) {
        llc = new LlcDissector(registry);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        llc.handoff(registry);
    }
}
