package io.jdissect.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds plugin jars ({@code *.jar}) in plugin directories and builds the class loader that
 * {@link EngineBuilder} searches with ServiceLoader. The default user directory is
 * {@code $JDISSECT_PLUGINS} if set, else {@code ~/.jdissect/plugins}; {@code --plugins DIR} adds more.
 */
public final class PluginDirectories {
    private PluginDirectories() {
    }

    /** The default user plugin directory. */
    public static Path defaultDirectory() {
        String env = System.getenv("JDISSECT_PLUGINS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".jdissect", "plugins");
    }

    /**
     * A class loader over every jar in {@code dirs} (missing directories are skipped silently,
     * unreadable ones reported to {@code warnings}), parented by jdissect's own loader.
     */
    public static ClassLoader loader(List<Path> dirs, Consumer<String> warnings) {
        List<URL> jars = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
                List<Path> sorted = new ArrayList<>();
                ds.forEach(sorted::add);
                sorted.sort(null);
                for (Path jar : sorted) {
                    jars.add(jar.toUri().toURL());
                }
            } catch (IOException e) {
                warnings.accept("jdissect: cannot read plugin directory " + dir + ": " + e.getMessage());
            }
        }
        ClassLoader parent = PluginDirectories.class.getClassLoader();
        return jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(new URL[0]), parent);
    }

    /** Whether a loader from {@link #loader} found any plugin jar. */
    public static boolean loadsPlugins(ClassLoader loader) {
        return loader != PluginDirectories.class.getClassLoader();
    }
}
