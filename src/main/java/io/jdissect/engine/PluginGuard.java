package io.jdissect.engine;

import io.jdissect.api.BoundsException;
import io.jdissect.api.Columns;
import io.jdissect.api.Dissector;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.HeuristicTable;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps one plugin from a plugin directory from breaking the dissection of a capture. Every
 * dissector handle its {@code register} or {@code handoff} added (by name, to a dissector table or
 * to a heuristic list, named or not) is replaced by a guarded one. When one of its dissectors throws
 * anything but a {@link BoundsException} (a packet shorter than it says is malformed data, shown as
 * tshark shows it, not a plugin failure), the plugin is named once on the warnings sink and
 * disabled: what the failed call added to the tree and columns is undone, and from then on its
 * handles decline (return 0), so each packet goes on to the next candidate or to {@code data} as if
 * the plugin were absent. A failure while registering or attaching disables it the same way.
 */
final class PluginGuard {
    private final String plugin;
    private final Consumer<String> warnings;
    private final Map<DissectorHandle, DissectorHandle> guarded = new IdentityHashMap<>();
    private volatile boolean disabled;

    PluginGuard(String plugin, Consumer<String> warnings) {
        this.plugin = plugin;
        this.warnings = warnings;
    }

    /** Reports the failure (once) and disables the plugin. */
    void disable(String when, Throwable e) {
        if (!disabled) {
            disabled = true;
            warnings.accept("jdissect: plugin \"" + plugin + "\" " + when + " and is disabled: " + e);
        }
    }

    /**
     * Guards every handle that one call of the plugin added since {@code before}: named handles are
     * registered again with a guarded dissector, table entries and heuristic entries are swapped
     * for guarded handles. Handles that existed before (a core protocol's handle the plugin put on
     * another port) are left alone: their failures are not the plugin's.
     */
    void guardAdded(DissectorRegistry registry, RegistrySnapshot before) {
        for (DissectorHandle h : registry.handles().values()) {
            if (!before.known(h) && !guarded.containsValue(h)) {
                guarded.put(h, registry.register(h.name(), h.protocol(), guard(h.dissector())));
            }
        }
        for (DissectorTable t : registry.tables().values()) {
            for (Map.Entry<Object, DissectorHandle> e : t.entries().entrySet()) {
                DissectorHandle h = e.getValue();
                if (before.known(h) || guarded.containsValue(h)) {
                    continue;
                }
                if (e.getKey() instanceof Long key) {
                    t.add(key, guard(h));
                } else {
                    t.add((String) e.getKey(), guard(h));
                }
            }
        }
        for (HeuristicTable t : registry.heuristicTables().values()) {
            for (DissectorHandle h : t.entries()) {
                if (!before.known(h) && !guarded.containsValue(h)) {
                    t.replace(h, guard(h));
                }
            }
        }
    }

    private DissectorHandle guard(DissectorHandle h) {
        return guarded.computeIfAbsent(h, o -> new DissectorHandle(o.name(), o.protocol(), guard(o.dissector())));
    }

    private Dissector guard(Dissector d) {
        return (tvb, pinfo, tree) -> {
            if (disabled) {
                return 0;
            }
            int items = tree.childCount();
            Columns.State columns = pinfo.columns().snapshot();
            try {
                return d.dissect(tvb, pinfo, tree);
            } catch (BoundsException e) {
                throw e;
            } catch (Throwable e) {
                if (!PluginFailures.containable(e)) {
                    throw e;
                }
                disable("failed in frame " + pinfo.frameNumber(), e);
                tree.truncateChildren(items);
                pinfo.columns().restore(columns);
                return 0;
            }
        };
    }
}
