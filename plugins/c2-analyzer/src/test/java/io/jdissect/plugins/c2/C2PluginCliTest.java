package io.jdissect.plugins.c2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built plugin jar dropped into a folder and used from the command line ({@code --plugins DIR
 * -z c2}), in a new JVM whose class path is jdissect's without this project's classes, so the
 * analyzer can only come from the jar. Runs after {@code package} (see the pom).
 */
class C2PluginCliTest {
    private record Result(int exit, String out, String err) {
    }

    private static Result jdissect(Path pluginDir, Path home, String... args) throws IOException, InterruptedException {
        String own = Path.of("target").toAbsolutePath().toString();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().startsWith(own))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "io.jdissect.cli.Main"));
        if (pluginDir != null) {
            command.addAll(List.of("--plugins", pluginDir.toString()));
        }
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JDISSECT_PLUGINS", home.toString()); // no plugins but the ones given
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void jarInAPluginFolderRunsAsZc2(@TempDir Path tmp) throws Exception {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(jar, dir.resolve(jar.getFileName()));
        Path home = Files.createDirectories(tmp.resolve("home"));
        String capture = Captures.own("c2-port.pcap").toString();

        Result r = jdissect(dir, home, "-q", "-r", capture, "-d", "tcp.port==8025,smtp", "-z", "c2,format=jsonl");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("{\"technique\":\"T1071.003\",\"rule\":\"nonstandard-port\",\"severity\":\"low\""), lines[0]);
        assertTrue(lines[1].contains("\"rule\":\"cleartext-credentials\""), lines[1]);

        Result text = jdissect(dir, home, "-q", "-r", capture, "-d", "tcp.port==8025,smtp", "-z", "c2");
        assertTrue(text.out().contains("C2 over SMTP (MITRE ATT&CK T1071.003): 2 findings\n"), text.out());

        Result bad = jdissect(dir, home, "-q", "-r", capture, "-z", "c2,entropie=3");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("jdissect: c2: unknown argument \"entropie\""), bad.err());

        Result without = jdissect(null, home, "-q", "-r", capture, "-z", "c2");
        assertEquals(1, without.exit());
        assertTrue(without.err().startsWith("jdissect: Invalid -z argument \"c2\""), without.err());
    }
}
