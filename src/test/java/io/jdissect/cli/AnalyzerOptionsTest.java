package io.jdissect.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.jdissect.cli.plugin.FailingAnalyzerFactory;
import io.jdissect.cli.plugin.FrameCountAnalyzerFactory;
import io.jdissect.cli.plugin.HalfReportAnalyzerFactory;
import io.jdissect.cli.plugin.ThrowingAnalyzerFactory;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -z} on the command line: plugins, failures, order, {@code -Y}, {@code --report-format json}. */
class AnalyzerOptionsTest {
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

    private static String capture() {
        return SharedTestdata.capture("suricata-verify__smtp-multi-mail.pcap").file().toString();
    }

    /** A plugin jar with the given analyzer factories (PluginJars). */
    private Path pluginDir(Class<?>... factories) throws IOException {
        return PluginJars.write(tmp.resolve("plugins"), "test-analyzers.jar", factories);
    }

    @Test
    void pluginAnalyzerRunsAndAFailingOneIsNamedAndDisabled() throws IOException {
        Path dir = pluginDir(FrameCountAnalyzerFactory.class, ThrowingAnalyzerFactory.class);
        Result r = run("--plugins", dir.toString(), "-q", "-r", capture(), "-z", "test,throws", "-z", "test,frames",
                "-z", "conv,tcp");
        assertEquals(0, r.code, r.err);
        assertEquals("jdissect: analyzer \"test,throws\" failed and was disabled: java.lang.IllegalStateException: broken on purpose\n",
                r.err);
        // tshark's order: the last -z first
        assertTrue(r.out.startsWith("=".repeat(80) + "\nTCP Conversations\n"), r.out);
        assertTrue(r.out.endsWith("=".repeat(80) + "\nframes: 39\n"), r.out);
    }

    /** A factory that fails to create its analyzer is its own fault, not the user's: named, left out, the capture read. */
    @Test
    void analyzerWhoseFactoryFailsIsNamedAndTheRunGoesOn() throws IOException {
        Path dir = pluginDir(FailingAnalyzerFactory.class);
        Result without = run("-r", capture(), "-z", "conv,tcp");
        Result r = run("--plugins", dir.toString(), "-r", capture(), "-z", "test,fails", "-z", "conv,tcp");
        assertEquals(0, r.code, r.err);
        assertEquals("jdissect: analyzer \"test,fails\" could not be created and is disabled: "
                + "java.lang.IllegalStateException: cannot create on purpose\n", r.err);
        assertEquals(without.out, r.out);
    }

    /** A report failing half-way prints nothing of itself, as text or as JSON; the JSON array stays valid. */
    @Test
    void reportFailingHalfWayLeavesNothingOfItself() throws IOException {
        Path dir = pluginDir(HalfReportAnalyzerFactory.class);
        Result textWithout = run("-q", "-r", capture(), "-z", "conv,tcp");
        Result text = run("--plugins", dir.toString(), "-q", "-r", capture(), "-z", "conv,tcp", "-z", "test,half");
        assertEquals(0, text.code, text.err);
        assertEquals("jdissect: analyzer \"test,half\" failed and was disabled: "
                + "java.lang.IllegalStateException: text half-way on purpose\n", text.err);
        assertEquals(textWithout.out, text.out);

        Result jsonWithout = run("-q", "-r", capture(), "--report-format", "json", "-z", "conv,tcp");
        Result json = run("--plugins", dir.toString(), "-q", "-r", capture(), "--report-format", "json",
                "-z", "test,half", "-z", "conv,tcp");
        assertEquals(0, json.code, json.err);
        assertEquals("jdissect: analyzer \"test,half\" failed and was disabled: "
                + "java.lang.IllegalStateException: json half-way on purpose\n", json.err);
        assertEquals(jsonWithout.out, json.out);
    }

    @Test
    void unknownAnalyzerWithoutThePluginListsTheKnownOnes() {
        Result r = run("-q", "-r", capture(), "-z", "test,frames");
        assertEquals(1, r.code);
        assertTrue(r.err.startsWith("jdissect: Invalid -z argument \"test,frames\"; it must be one of:\n     conv,tcp\n"), r.err);
        assertTrue(r.err.contains("\n     smtp,sessions\n     smtp,stat\n"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void badArgumentsAreOneLine() {
        Result r = run("-q", "-r", capture(), "-z", "follow,tcp,hex,0");
        assertEquals(1, r.code);
        assertEquals(1, r.err.split("\n").length, r.err);
        assertTrue(r.err.startsWith("jdissect: -z follow,tcp needs ascii,N"), r.err);
    }

    @Test
    void displayFilterDoesNotNarrowTheTaps() {
        // tshark 4.0 (single pass): -Y chooses the printed packets, the taps still see every packet
        Result all = run("-q", "-r", capture(), "-z", "conv,tcp", "-z", "smtp,stat");
        Result filtered = run("-r", capture(), "-Y", "frame.number == 1", "-z", "conv,tcp", "-z", "smtp,stat");
        assertEquals(0, filtered.code, filtered.err);
        String firstLine = filtered.out.substring(0, filtered.out.indexOf('\n') + 1);
        assertTrue(firstLine.contains("58122 → 25 [SYN]"), firstLine);
        assertEquals(all.out, filtered.out.substring(firstLine.length()));
    }

    @Test
    void jsonReportsAreOneArrayInTheOrderGiven() throws IOException {
        Result r = run("-q", "-r", capture(), "--report-format", "json", "-z", "conv,tcp", "-z", "smtp,sessions");
        assertEquals(0, r.code, r.err);
        try (JsonParser p = new JsonFactory().createParser(r.out)) {
            while (p.nextToken() != null) {
                // the whole output is one well-formed JSON value
            }
        }
        assertTrue(r.out.startsWith("[ {\n  \"analyzer\" : \"conv,tcp\",\n  \"report\" : [ {\n    \"a\" : \"172.22.0.1:58122\""), r.out);
        assertTrue(r.out.contains("\"analyzer\" : \"smtp,sessions\""), r.out);
        assertTrue(r.out.contains("\"subject\" : \"back-to-back 3\""), r.out);
        assertEquals(2, r.out.split("\"analyzer\"").length - 1);
    }

    @Test
    void unknownReportFormatIsRefused() {
        Result r = run("-q", "-r", capture(), "--report-format", "xml", "-z", "conv,tcp");
        assertEquals(1, r.code);
        assertEquals("jdissect: Invalid --report-format \"xml\"; it must be one of: text, json\n", r.err);
    }
}
