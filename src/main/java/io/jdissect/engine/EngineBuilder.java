package io.jdissect.engine;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.protocols.frame.FrameDissector;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Assembles a dissection setup: core protocols, every {@link ProtocolPlugin} found by
 * ServiceLoader (built-ins and plugin jars), preferences ({@code -o}), then hand-offs and
 * Decode-As ({@code -d}). Every call into a plugin is guarded: one whose {@code name()} throws is
 * named by class and jar and left out; one that throws while registering is reported and left
 * out; one from a plugin directory runs guarded ({@link PluginGuard}): when it throws while
 * attaching or dissecting it is reported by name and disabled, and the capture goes on without it.
 */
public final class EngineBuilder {
    private static final CodeSource OWN_CODE = EngineBuilder.class.getProtectionDomain().getCodeSource();
    private final Map<String, String> preferences = new LinkedHashMap<>();
    private final List<String> decodeAs = new ArrayList<>();
    private ClassLoader loader = EngineBuilder.class.getClassLoader();
    private Consumer<String> warnings = System.err::println;

    /** {@code -o name:value}. */
    public EngineBuilder preference(String name, String value) {
        preferences.put(name, value);
        return this;
    }

    /** {@code -d tcp.port==2525,smtp}. */
    public EngineBuilder decodeAs(String spec) {
        decodeAs.add(spec);
        return this;
    }

    /** Where plugins are looked up (a loader over plugin jars); defaults to jdissect's own. */
    public EngineBuilder classLoader(ClassLoader cl) {
        this.loader = cl;
        return this;
    }

    /** Where messages about plugins that failed go (default: standard error). */
    public EngineBuilder warnings(Consumer<String> sink) {
        this.warnings = sink;
        return this;
    }

    /**
     * True for jdissect's own protocols (from the same jar or classes folder as the engine), which
     * are part of the program; every other plugin runs guarded.
     */
    private static boolean isOwn(ProtocolPlugin p) {
        CodeSource cs = p.getClass().getProtectionDomain().getCodeSource();
        return OWN_CODE == null ? cs == null
                : cs != null && java.util.Objects.equals(OWN_CODE.getLocation(), cs.getLocation());
    }

    /**
     * The plugin's name for messages, asked once; null when {@code name()} throws, after naming the
     * plugin by its class and jar: a plugin that cannot even say its name is left out.
     */
    private String nameOf(ProtocolPlugin p) {
        try {
            String name = p.name();
            return name != null ? name : PluginFailures.origin(p);
        } catch (Throwable e) {
            if (!PluginFailures.containable(e)) {
                throw e;
            }
            warnings.accept("jdissect: plugin " + PluginFailures.origin(p) + " failed to give its name and is disabled: " + e);
            return null;
        }
    }

    /** A plugin's register or handoff threw: the plugin is named and disabled (rethrown when the JVM itself failed). */
    private void failed(Throwable e, PluginGuard guard, String name, String when) {
        if (!PluginFailures.containable(e)) {
            throw (VirtualMachineError) e;
        }
        if (guard != null) {
            guard.disable(when, e);
        } else {
            warnings.accept("jdissect: plugin \"" + name + "\" " + when + " and is disabled: " + e);
        }
    }

    /**
     * Builds the registry and the engine; throws IllegalArgumentException with a user-facing
     * message for an unknown preference or a bad Decode-As.
     */
    public DissectionEngine build() {
        DissectorRegistry registry = new DissectorRegistry();
        FrameDissector frame = DissectionEngine.registerCore(registry);
        List<ProtocolPlugin> plugins = new ArrayList<>();
        Map<ProtocolPlugin, PluginGuard> guards = new IdentityHashMap<>();
        Map<ProtocolPlugin, String> names = new IdentityHashMap<>();
        ServiceLoader<ProtocolPlugin> sl = ServiceLoader.load(ProtocolPlugin.class, loader);
        for (var it = sl.iterator(); ; ) {
            ProtocolPlugin p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (java.util.ServiceConfigurationError e) {
                warnings.accept("jdissect: a plugin could not be loaded and is disabled: " + e.getMessage());
                continue;
            }
            String name = nameOf(p);
            if (name == null) {
                continue;
            }
            PluginGuard guard = isOwn(p) ? null : new PluginGuard(name, warnings);
            // only a guarded plugin needs to know what it added: the built-ins start as fast as before
            RegistrySnapshot before = guard == null ? null : new RegistrySnapshot(registry);
            try {
                p.register(registry);
                plugins.add(p);
            } catch (Throwable e) {
                failed(e, guard, name, "failed to register");
            }
            if (guard != null) {
                guard.guardAdded(registry, before);
                guards.put(p, guard);
            }
            names.put(p, name);
        }
        for (Map.Entry<String, String> e : preferences.entrySet()) {
            registry.preferences().set(e.getKey(), e.getValue());
        }
        for (ProtocolPlugin p : plugins) {
            PluginGuard guard = guards.get(p);
            RegistrySnapshot before = guard == null ? null : new RegistrySnapshot(registry);
            try {
                p.handoff(registry);
            } catch (Throwable e) {
                failed(e, guard, names.get(p), "failed to attach");
            }
            if (guard != null) {
                guard.guardAdded(registry, before);
            }
        }
        for (String d : decodeAs) {
            registry.decodeAs(d);
        }
        return new DissectionEngine(registry, frame);
    }
}
