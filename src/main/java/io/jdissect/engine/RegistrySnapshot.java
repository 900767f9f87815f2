package io.jdissect.engine;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.HeuristicTable;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The dissector handles a registry holds before one plugin call ({@code register} or
 * {@code handoff}), so that {@link PluginGuard} can tell what the call added: a handle that was
 * nowhere before belongs to the plugin, one that was (a core protocol's, another plugin's) does not.
 */
final class RegistrySnapshot {
    private final Set<DissectorHandle> known = Collections.newSetFromMap(new IdentityHashMap<>());

    RegistrySnapshot(DissectorRegistry registry) {
        known.addAll(registry.handles().values());
        for (DissectorTable t : registry.tables().values()) {
            known.addAll(t.entries().values());
        }
        for (HeuristicTable t : registry.heuristicTables().values()) {
            known.addAll(t.entries());
        }
    }

    /** Whether the handle was registered, in a table or in a heuristic list before the call. */
    boolean known(DissectorHandle h) {
        return known.contains(h);
    }
}
