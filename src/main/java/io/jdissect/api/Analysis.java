package io.jdissect.api;

import io.jdissect.analysis.StreamEvents;
import io.jdissect.engine.PluginFailures;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs {@link Analyzer}s over the packets of one capture: feeds each packet and the events derived
 * from it (TCP streams, SMTP transactions and sessions), closes the streams still open at the end,
 * and isolates failures (an analyzer that throws is named to the failure sink and disabled; the
 * others go on). Usable without the command line:
 *
 * <pre>{@code
 * Analysis analysis = new Analysis(System.err::println);
 * analysis.add("smtp,sessions", Analysis.factories(getClass().getClassLoader()).get("smtp,sessions").create(""));
 * try (PacketStream packets = JDissect.create().open(Path.of("mail.pcap"))) {
 *     analysis.run(packets);
 * }
 * analysis.analyzers().forEach((name, a) -> a.report().text(out));
 * }</pre>
 */
public final class Analysis {
    private final Map<String, Analyzer> analyzers = new LinkedHashMap<>();
    private final Map<Analyzer, String> names = new IdentityHashMap<>();
    private final Consumer<String> failures;
    private final StreamEvents events = new StreamEvents(this::dispatch);
    private boolean ended;

    /** @param failures receives one line per analyzer that failed ("jdissect: analyzer NAME failed: …") */
    public Analysis(Consumer<String> failures) {
        this.failures = failures;
    }

    /**
     * The analyzer factories of {@code loader} by name (built-ins and plugin jars, via
     * {@link ServiceLoader}); each factory's {@link AnalyzerFactory#name()} is asked once, here. A
     * factory that cannot be loaded or whose name() throws is named (by its class and jar) to
     * {@code warnings} and left out.
     */
    public static Map<String, AnalyzerFactory> factories(ClassLoader loader, Consumer<String> warnings) {
        Map<String, AnalyzerFactory> all = new TreeMap<>();
        Iterator<AnalyzerFactory> it = ServiceLoader.load(AnalyzerFactory.class, loader).iterator();
        // the iterator skips a bad entry after reporting it; the bound only guards against one that never does
        for (int errors = 0; errors < 1000; ) {
            AnalyzerFactory f;
            try {
                if (!it.hasNext()) {
                    break;
                }
                f = it.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errors++;
                warnings.accept("jdissect: an analyzer plugin could not be loaded and is disabled: " + e.getMessage());
                continue;
            }
            String name;
            try {
                name = f.name();
            } catch (Throwable e) {
                if (!PluginFailures.containable(e)) {
                    throw e;
                }
                warnings.accept("jdissect: analyzer " + PluginFailures.origin(f) + " failed to give its name and is disabled: " + e);
                continue;
            }
            if (name == null) {
                warnings.accept("jdissect: analyzer " + PluginFailures.origin(f) + " has no name and is left out");
                continue;
            }
            AnalyzerFactory first = all.putIfAbsent(name, f);
            if (first != null) {
                warnings.accept("jdissect: analyzer \"" + name + "\" of " + f.getClass().getName()
                        + " is left out: " + first.getClass().getName() + " has that name");
            }
        }
        return all;
    }

    /** {@link #factories(ClassLoader, Consumer)} with warnings ignored. */
    public static Map<String, AnalyzerFactory> factories(ClassLoader loader) {
        return factories(loader, w -> { });
    }

    /**
     * The name of the factory for a {@code -z} argument: the longest name of {@code factories} that
     * equals {@code spec} or is followed in it by a comma; null when none is.
     */
    public static String factoryNameFor(String spec, Map<String, AnalyzerFactory> factories) {
        String best = null;
        for (String n : factories.keySet()) {
            boolean matches = spec.equals(n) || (spec.startsWith(n) && spec.charAt(n.length()) == ',');
            if (matches && (best == null || n.length() > best.length())) {
                best = n;
            }
        }
        return best;
    }

    /** The arguments of {@code spec} for the factory named {@code name} ("" when none). */
    public static String argumentsOf(String spec, String name) {
        return spec.length() > name.length() ? spec.substring(name.length() + 1) : "";
    }

    /** Adds an analyzer under a name (used in failure messages; a repeated name gets "#2", "#3" …). */
    public Analysis add(String name, Analyzer analyzer) {
        String key = name;
        for (int i = 2; analyzers.containsKey(key); i++) {
            key = name + "#" + i;
        }
        analyzers.put(key, analyzer);
        names.put(analyzer, key);
        return this;
    }

    /** The analyzers still running (not failed), by name, in the order added. */
    public Map<String, Analyzer> analyzers() {
        return Collections.unmodifiableMap(analyzers);
    }

    /**
     * What the analyzers read of the packets ({@link Analyzer#fieldsRead}), together; null when one
     * of them may read any field.
     */
    public Set<String> fieldsRead() {
        Set<String> all = new HashSet<>();
        for (Analyzer a : analyzers.values()) {
            Set<String> read = a.fieldsRead();
            if (read == null) {
                return null;
            }
            all.addAll(read);
        }
        return all;
    }

    /** Feeds one packet, then the events it caused. */
    public void packet(Packet packet) {
        if (analyzers.isEmpty()) {
            return; // nobody listens: the stream and SMTP events would be built for nothing
        }
        for (Analyzer a : new ArrayList<>(analyzers.values())) {
            guarded(a, () -> a.packet(packet));
        }
        events.packet(packet);
    }

    /** Ends the capture: closes the open streams, then calls {@link Analyzer#end()} (once). */
    public void end() {
        if (ended) {
            return;
        }
        ended = true;
        events.end();
        for (Analyzer a : new ArrayList<>(analyzers.values())) {
            guarded(a, a::end);
        }
    }

    /**
     * Reads every packet of {@code packets} into the analyzers, then {@link #end()}.
     *
     * @throws IOException when the capture is damaged (the analyzers have seen the packets before)
     */
    public void run(PacketStream packets) throws IOException {
        Packet p;
        while ((p = packets.next()) != null) {
            packet(p);
        }
        end();
    }

    /** The report of an analyzer, or null if it failed (named to the failure sink) while reporting. */
    public Report report(String name) {
        Analyzer a = analyzers.get(name);
        if (a == null) {
            return null;
        }
        Report[] r = new Report[1];
        guarded(a, () -> r[0] = a.report());
        return r[0];
    }

    private void dispatch(Consumer<Analyzer> event) {
        for (Analyzer a : new ArrayList<>(analyzers.values())) {
            guarded(a, () -> event.accept(a));
        }
    }

    /** Runs a call of one analyzer; if it throws, the analyzer is named, disabled, and the run goes on. */
    private void guarded(Analyzer a, Runnable call) {
        if (!names.containsKey(a)) {
            return;
        }
        try {
            call.run();
        } catch (Throwable e) {
            if (!PluginFailures.containable(e)) {
                throw e;
            }
            String name = names.remove(a);
            analyzers.remove(name);
            failures.accept("jdissect: analyzer \"" + name + "\" failed and was disabled: " + e);
        }
    }
}
