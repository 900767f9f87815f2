package io.jdissect.plugins.pop3;

import io.jdissect.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The POP3 plugin, found by ServiceLoader on the class path as jdissect finds any plugin, run
 * through the jdissect command line on Dovecot captures: {@code -T fields} with every {@code pop.*}
 * field and the Info column, the POP subtrees of {@code -V}, the {@code pop} layers of
 * {@code -T json} and {@code -Y pop} must equal tshark 4.0's stored outputs.
 */
class PopMatchesTsharkTest {
    static Stream<String> captures() throws IOException {
        return TsharkExpected.captures();
    }

    private static String jdissect(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out,
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void fieldsAndInfoColumn(String capture) {
        String expected = TsharkExpected.read(capture, "fields.tsv");
        List<String> args = new ArrayList<>(List.of("-r", TsharkExpected.pcap(capture).toString(),
                "-T", "fields", "-E", "header=y"));
        for (String field : expected.substring(0, expected.indexOf('\n')).split("\t")) {
            args.add("-e");
            args.add(field);
        }
        assertEquals(expected, jdissect(args.toArray(new String[0])));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void verboseTree(String capture) {
        String expected = TsharkExpected.popTree(TsharkExpected.read(capture, "V.txt"));
        assertEquals(expected, TsharkExpected.popTree(jdissect("-r", TsharkExpected.pcap(capture).toString(), "-V")));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void json(String capture) {
        List<Object> expected = TsharkExpected.popLayers(TsharkExpected.read(capture, "json"));
        String ours = jdissect("-r", TsharkExpected.pcap(capture).toString(), "-T", "json");
        assertEquals(expected, TsharkExpected.popLayers(ours));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void displayFilterAndRequestCommand(String capture) {
        assertEquals(TsharkExpected.read(capture, "pop-request-command.txt"),
                jdissect("-r", TsharkExpected.pcap(capture).toString(), "-Y", "pop", "-T", "fields",
                        "-e", "pop.request.command"));
    }
}
