package io.jdissect.cli.plugin;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/** A third-party protocol for the {@code --plugins} test: declares one protocol, nothing else. */
public final class DemoPlugin implements ProtocolPlugin {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public void register(DissectorRegistry registry) {
        registry.fields().protocol("Demo Plugin Protocol", "DEMO", "demo");
    }
}
