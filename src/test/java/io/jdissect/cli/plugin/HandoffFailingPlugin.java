package io.jdissect.cli.plugin;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/** A plugin that attaches a TCP heuristic and then fails in its hand-off: it must be disabled. */
public final class HandoffFailingPlugin implements ProtocolPlugin {
    private DissectorHandle handle;

    @Override
    public String name() {
        return "handoff-failing";
    }

    @Override
    public void register(DissectorRegistry registry) {
        handle = registry.register("handoff-failing",
                registry.fields().protocol("Handoff Failing Protocol", "HFAIL", "hfail"), (tvb, pinfo, tree) -> {
                    tree.addText(tvb, 0, 1, "must not be called");
                    return tvb.length();
                });
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        registry.heuristicTable("tcp").add(handle);
        throw new IllegalStateException("broken on purpose");
    }
}
