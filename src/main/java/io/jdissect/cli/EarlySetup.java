package io.jdissect.cli;

import io.jdissect.api.JDissect;
import io.jdissect.engine.PluginDirectories;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The setup most command lines ask for, begun on a thread of its own while picocli builds its model
 * and parses the arguments (about 15 ms of every start, interpreted): the default plugin folder's
 * class loader and the setup without preferences or Decode-As. A run on a small capture took 10 ms
 * less (a filter's first compile was tried here too: 3 ms more for it, 8 ms lost by runs without a
 * filter, the second core being C1's at start). A command line with {@code --plugins}, {@code -o} or
 * {@code -d} is set up anew instead. The warnings of the early setup wait until it is taken; later
 * ones (a plugin failing during the dissection) go straight to the taker's consumer.
 */
final class EarlySetup {
    /** The class loader of the plugins and the setup made with it. */
    record Setup(ClassLoader plugins, JDissect jd) {
    }

    /** Keeps the warnings until a consumer is given, then hands them and every later one to it. */
    static final class Warnings implements Consumer<String> {
        private final List<String> kept = new ArrayList<>();
        private Consumer<String> target;

        @Override
        public synchronized void accept(String warning) {
            if (target != null) {
                target.accept(warning);
            } else {
                kept.add(warning);
            }
        }

        synchronized void forwardTo(Consumer<String> consumer) {
            kept.forEach(consumer);
            kept.clear();
            target = consumer;
        }
    }

    private final Warnings warnings = new Warnings();
    private final FutureTask<Setup> task = new FutureTask<>(this::prepare);

    private EarlySetup() {
    }

    static EarlySetup start() {
        EarlySetup s = new EarlySetup();
        Thread t = new Thread(s.task, "jdissect-setup");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private Setup prepare() {
        ClassLoader plugins = PluginDirectories.loader(List.of(PluginDirectories.defaultDirectory()), warnings);
        JDissect jd = JDissect.builder().warnings(warnings).classLoader(plugins).build();
        return new Setup(plugins, jd);
    }

    /**
     * The early setup when {@code o} asks for no other (no {@code --plugins}, {@code -o} or
     * {@code -d}), with its warnings said through {@code consumer}; null when the command line needs
     * its own, or when the early setup failed (the caller's own then says why).
     */
    Setup take(CliOptions o, Consumer<String> consumer) {
        if (!o.pluginDirs.isEmpty() || !o.preferences.isEmpty() || !o.decodeAs.isEmpty()) {
            return null;
        }
        try {
            Setup s = task.get();
            warnings.forwardTo(consumer);
            return s;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
