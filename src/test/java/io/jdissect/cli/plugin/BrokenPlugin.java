package io.jdissect.cli.plugin;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/** A plugin whose registration fails: jdissect must name it on stderr and go on without it. */
public final class BrokenPlugin implements ProtocolPlugin {
    @Override
    public String name() {
        return "broken";
    }

    @Override
    public void register(DissectorRegistry registry) {
        throw new IllegalStateException("broken on purpose");
    }
}
