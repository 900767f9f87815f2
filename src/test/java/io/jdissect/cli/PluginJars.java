package io.jdissect.cli;

import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.ProtocolPlugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Plugin jars built by the tests from their own classes: the classes (with their anonymous inner
 * classes, Name$1, Name$1$1 …) and the META-INF/services entries that are the only way jdissect can
 * learn of them.
 */
final class PluginJars {
    private PluginJars() {
    }

    /** Writes {@code dir/name} holding {@code classes}; returns {@code dir} for {@code --plugins}. */
    static Path write(Path dir, String name, Class<?>... classes) throws IOException {
        Files.createDirectories(dir);
        try (OutputStream file = Files.newOutputStream(dir.resolve(name));
                JarOutputStream jar = new JarOutputStream(file)) {
            StringBuilder plugins = new StringBuilder();
            StringBuilder analyzers = new StringBuilder();
            for (Class<?> c : classes) {
                String base = c.getName().replace('.', '/');
                for (String entry : new String[] {base, base + "$1", base + "$1$1", base + "$1$1$1"}) {
                    InputStream in = c.getClassLoader().getResourceAsStream(entry + ".class");
                    if (in != null) {
                        jar.putNextEntry(new JarEntry(entry + ".class"));
                        try (in) {
                            in.transferTo(jar);
                        }
                    }
                }
                if (ProtocolPlugin.class.isAssignableFrom(c)) {
                    plugins.append(c.getName()).append('\n');
                }
                if (AnalyzerFactory.class.isAssignableFrom(c)) {
                    analyzers.append(c.getName()).append('\n');
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/" + ProtocolPlugin.class.getName()));
            jar.write(plugins.toString().getBytes(StandardCharsets.UTF_8));
            jar.putNextEntry(new JarEntry("META-INF/services/" + AnalyzerFactory.class.getName()));
            jar.write(analyzers.toString().getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }
}
