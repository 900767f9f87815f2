package io.jdissect.cli.plugin;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.ProtocolPlugin;

/**
 * A plugin that never registers a handle by name: it puts handles of its own making straight into
 * the TCP port table and the TCP heuristic list, and their dissector throws. jdissect must guard
 * them all the same.
 */
public final class UnnamedHandlePlugin implements ProtocolPlugin {
    private ProtocolDef proto;

    @Override
    public String name() {
        return "unnamed-handles";
    }

    @Override
    public void register(DissectorRegistry registry) {
        proto = registry.fields().protocol("Unnamed Handle Protocol", "UNNAMED", "unnamed");
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        DissectorHandle handle = new DissectorHandle("unnamed", proto, (tvb, pinfo, tree) -> {
            tree.addText(tvb, 0, 1, "half an item");
            throw new IllegalStateException("thrown on purpose");
        });
        registry.heuristicTable("tcp").add(handle);
        registry.table(DissectorRegistry.TCP_PORT).add(110, handle);
    }
}
