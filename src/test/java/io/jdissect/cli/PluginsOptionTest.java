package io.jdissect.cli;

import io.jdissect.cli.plugin.BrokenPlugin;
import io.jdissect.cli.plugin.DemoPlugin;
import io.jdissect.cli.plugin.EveryMethodThrowsPlugin;
import io.jdissect.cli.plugin.HandoffFailingPlugin;
import io.jdissect.cli.plugin.OkLinePlugin;
import io.jdissect.cli.plugin.ThrowingPlugin;
import io.jdissect.cli.plugin.UnnamedHandlePlugin;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --plugins DIR}: a plugin jar built here (the test's plugin classes plus their
 * META-INF/services entry — the only place jdissect can learn of them) is loaded.
 */
class PluginsOptionTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path pluginDir(Class<?>... plugins) throws IOException {
        return PluginJars.write(tmp.resolve("plugins"), "test-plugins.jar", plugins);
    }

    @Test
    void pluginProtocolIsListed() throws IOException {
        String line = "Demo Plugin Protocol\tDEMO\tdemo";
        assertFalse(List.of(run("-G", "protocols").out.split("\n")).contains(line));
        Result r = run("--plugins", pluginDir(DemoPlugin.class).toString(), "-G", "protocols");
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err);
        assertTrue(List.of(r.out.split("\n")).contains(line));
        assertTrue(List.of(r.out.split("\n")).contains("Simple Mail Transfer Protocol\tSMTP\tsmtp"));
    }

    /**
     * A plugin's heuristic on TCP takes the payloads it recognises; its field then works in -Y and
     * -e like a built-in one. Expected: the frames whose POP3 response tshark reads as "+OK", with
     * tshark's pop.response.description (plugins/pop3/testdata, tshark 4.0's -T fields output).
     */
    @Test
    void pluginHeuristicTakesPayloadsAndItsFieldsFilter() throws IOException {
        Path capture = Path.of("plugins/pop3/testdata/pop3-auth.pcap");
        List<String> rows = Files.readAllLines(Path.of("plugins/pop3/testdata/pop3-auth.fields.tsv"));
        List<String> header = List.of(rows.get(0).split("\t", -1));
        int number = header.indexOf("frame.number");
        int indicator = header.indexOf("pop.response.indicator");
        int description = header.indexOf("pop.response.description");
        StringBuilder expected = new StringBuilder();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            if (f[indicator].equals("+OK")) {
                expected.append(f[number]).append('\t').append(f[description]).append('\n');
            }
        }
        assertTrue(expected.length() > 0);
        Result r = run("--plugins", pluginDir(OkLinePlugin.class).toString(), "-r", capture.toString(),
                "-Y", "okline", "-T", "fields", "-e", "frame.number", "-e", "okline.text");
        assertEquals(0, r.code, r.err);
        assertEquals("", r.err);
        assertEquals(expected.toString(), r.out);
    }

    @Test
    void failingPluginIsNamedAndTheRestWorks() throws IOException {
        Path dir = pluginDir(BrokenPlugin.class, DemoPlugin.class);
        Result r = run("--plugins", dir.toString(), "-G", "protocols");
        assertEquals(0, r.code);
        assertTrue(r.err.startsWith("jdissect: plugin \"broken\" failed to register and is disabled"), r.err);
        assertEquals(1, r.err.split("\n").length, r.err);
        assertTrue(r.out.contains("Demo Plugin Protocol\tDEMO\tdemo\n"));
        // Dissection goes on too.
        Result read = run("--plugins", dir.toString(), "-r",
                SharedTestdata.capture("wireshark-wiki__smtp.pcap").file().toString(), "-c", "1");
        assertEquals(0, read.code, read.err);
        assertEquals(1, read.out.split("\n").length);
    }

    /**
     * A plugin that throws when attaching or when dissecting (called for every TCP payload of a
     * POP3 capture, a protocol the core lacks) is named once and disabled; every packet is then
     * dissected as without it, the packet it failed on included.
     */
    @Test
    void pluginThatThrowsIsDisabledAndTheCaptureGoesOn() throws IOException {
        String capture = Path.of("plugins/pop3/testdata/pop3-session.pcap").toString();
        Result without = run("-r", capture, "-V");
        Result with = run("--plugins", pluginDir(BrokenPlugin.class, HandoffFailingPlugin.class, ThrowingPlugin.class).toString(),
                "-r", capture, "-V");
        assertEquals(0, with.code, with.err);
        assertEquals(List.of(
                "jdissect: plugin \"broken\" failed to register and is disabled: java.lang.IllegalStateException: broken on purpose",
                "jdissect: plugin \"handoff-failing\" failed to attach and is disabled: java.lang.IllegalStateException: broken on purpose",
                "jdissect: plugin \"throwing\" failed in frame 4 and is disabled: java.lang.IllegalStateException: thrown on purpose"),
                List.of(with.err.split("\n")));
        assertTrue(without.out.contains("Data (75 bytes)"), "frame 4's payload is shown as data");
        assertEquals(without.out, with.out);
    }

    /** Handles a plugin made itself and put straight into a table or heuristic list are guarded too. */
    @Test
    void unnamedHandlesOfAPluginAreGuarded() throws IOException {
        String capture = Path.of("plugins/pop3/testdata/pop3-session.pcap").toString();
        Result without = run("-r", capture, "-V");
        Result with = run("--plugins", pluginDir(UnnamedHandlePlugin.class).toString(), "-r", capture, "-V");
        assertEquals(0, with.code, with.err);
        assertEquals("jdissect: plugin \"unnamed-handles\" failed in frame 4 and is disabled: "
                + "java.lang.IllegalStateException: thrown on purpose\n", with.err);
        assertEquals(without.out, with.out);
    }

    /**
     * A plugin whose every method throws, {@code name()} first: as a protocol plugin and as an
     * analyzer factory it is named by its class and jar (its name being what failed), once each,
     * and left out; no other method of it is called, and the packets, the tree and the {@code -z}
     * report are those of a run without it.
     */
    @Test
    void pluginThrowingInEveryMethodIsNamedByItsClassAndLeftOut() throws IOException {
        String capture = Path.of("plugins/pop3/testdata/pop3-session.pcap").toString();
        Result without = run("-r", capture, "-V", "-z", "conv,tcp");
        Result with = run("--plugins", pluginDir(EveryMethodThrowsPlugin.class, DemoPlugin.class).toString(),
                "-r", capture, "-V", "-z", "conv,tcp");
        assertEquals(0, with.code, with.err);
        // named by its class and where the class was loaded from: here the test classes folder, since
        // the plugin loader asks its parent (the test class path) first; from a user's jar, the jar
        String plugin = "\"" + EveryMethodThrowsPlugin.class.getName() + "\" (test-classes/)";
        assertEquals(List.of(
                "jdissect: plugin " + plugin + " failed to give its name and is disabled: "
                        + "java.lang.IllegalStateException: no name on purpose",
                "jdissect: analyzer " + plugin + " failed to give its name and is disabled: "
                        + "java.lang.IllegalStateException: no name on purpose"),
                List.of(with.err.split("\n")));
        assertTrue(without.out.contains("TCP Conversations"), without.out);
        assertEquals(without.out, with.out);
        // the plugin listed after it in the same jar is loaded
        assertTrue(run("--plugins", pluginDir(EveryMethodThrowsPlugin.class, DemoPlugin.class).toString(), "-G", "protocols")
                .out.contains("Demo Plugin Protocol\tDEMO\tdemo\n"));
    }

    @Test
    void missingPluginDirectoryIsReported() {
        Result r = run("--plugins", tmp.resolve("none").toString(), "-G", "protocols");
        assertEquals(0, r.code);
        assertEquals("jdissect: plugin directory \"" + tmp.resolve("none") + "\" doesn't exist or isn't a directory\n", r.err);
    }
}
