package io.jdissect.cli.plugin;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/**
 * A plugin whose dissector throws on every call: a TCP heuristic and the dissector of TCP port 110,
 * so it is called for every TCP payload of a POP3 capture. jdissect must name it once, disable it
 * and dissect every packet as if it were absent.
 */
public final class ThrowingPlugin implements ProtocolPlugin {
    private DissectorHandle handle;

    @Override
    public String name() {
        return "throwing";
    }

    @Override
    public void register(DissectorRegistry registry) {
        handle = registry.register("throwing", registry.fields().protocol("Throwing Protocol", "THROW", "throwing"),
                (tvb, pinfo, tree) -> {
                    pinfo.columns().setInfo("half done");
                    tree.addText(tvb, 0, 1, "half an item");
                    throw new IllegalStateException("thrown on purpose");
                });
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        registry.heuristicTable("tcp").add(handle);
        registry.table(DissectorRegistry.TCP_PORT).add(110, handle);
    }
}
