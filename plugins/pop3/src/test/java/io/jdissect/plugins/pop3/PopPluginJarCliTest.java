package io.jdissect.plugins.pop3;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The plugin as a user installs it: the jar built by {@code mvn package} dropped into a plugin
 * directory, and the {@code jdissect} command line started in its own JVM with only the core on the
 * class path and {@code --plugins DIR}. Runs in {@code integration-test}, after the jar exists.
 */
class PopPluginJarCliTest {
    @TempDir
    static Path tmp;
    static Path pluginDir;

    @BeforeAll
    static void installPluginJar() throws IOException {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        pluginDir = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(jar, pluginDir.resolve(jar.getFileName()));
    }

    static Stream<String> captures() throws IOException {
        return TsharkExpected.captures();
    }

    private record Run(int code, String out, String err) {
    }

    /** jdissect's class path: the test class path without this project's own classes and jar. */
    private static String coreClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path own = Path.of("target").toAbsolutePath();
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().startsWith(own))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Run jdissect(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", coreClassPath(), "io.jdissect.cli.Main",
                "--plugins", pluginDir.toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void filterAndFieldFromThePluginJar(String capture) throws Exception {
        Run r = jdissect("-r", TsharkExpected.pcap(capture).toString(), "-Y", "pop", "-T", "fields",
                "-e", "pop.request.command");
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err);
        assertEquals(TsharkExpected.read(capture, "pop-request-command.txt"), r.out);
    }

    @Test
    void fieldListingAsTshark() throws Exception {
        Run r = jdissect("-G", "fields");
        assertEquals(0, r.code, r.err);
        String pop = r.out.lines().filter(l -> l.startsWith("P\tPost Office Protocol\tpop") || l.matches("F\t[^\t]*\t[^\t]*\t[^\t]*\tpop\t.*"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(TsharkExpected.read(TsharkExpected.TESTDATA.resolve("tshark-G-fields-pop.tsv")), pop);
    }
}
