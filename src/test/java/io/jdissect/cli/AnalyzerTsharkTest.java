package io.jdissect.cli;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tshark taps ({@code -z conv,tcp}, {@code endpoints,ip}, {@code io,phs}, {@code expert},
 * {@code follow,tcp,ascii,0}) against tshark 4.0's output on shared captures, stored in
 * testdata/taps/ by testdata/taps/make-expected.sh (file {@code <capture>.<tap with _ for ,>.txt}).
 */
class AnalyzerTsharkTest {
    private static final Path EXPECTED = Path.of("testdata/taps");
    private static final String[] TAPS = {"conv,tcp", "endpoints,ip", "io,phs", "expert", "follow,tcp,ascii,0"};

    record Case(String capture, String tap) {
        Path expected() {
            return EXPECTED.resolve(capture + "." + tap.replace(',', '_') + ".txt");
        }

        @Override
        public String toString() {
            return capture + " -z " + tap;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXPECTED)) {
            for (Path f : files.sorted().toList()) {
                for (String tap : TAPS) {
                    String suffix = "." + tap.replace(',', '_') + ".txt";
                    String name = f.getFileName().toString();
                    if (name.endsWith(suffix)) {
                        out.add(new Case(name.substring(0, name.length() - suffix.length()), tap));
                    }
                }
            }
        }
        return out.stream();
    }

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path capture(String name) {
        return SharedTestdata.capture(name).file();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportIsTsharks(Case c) throws IOException {
        String expected = Files.readString(c.expected(), StandardCharsets.UTF_8);
        // --tshark-only: jdissect's own expert items (<proto>.x.*) are not tshark's
        assertEquals(expected, run("-q", "--tshark-only", "-r", capture(c.capture()).toString(), "-z", c.tap()));
    }

    @Test
    void followMarksLostBytesAndRestoresTheOrderAsTshark() throws IOException {
        // testdata/tcp/make_tcp_reordered.py, stream 10: a segment lost and acknowledged, two swapped.
        Path capture = Path.of("testdata/tcp/tcp_reordered.pcap");
        String expected = Files.readString(Path.of(capture + ".follow_tcp_ascii_10.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, run("-q", "-r", capture.toString(), "-z", "follow,tcp,ascii,10"));
    }

    @Test
    void expertShowsOnlyTheSeveritiesAsked() throws IOException {
        String expected = Files.readString(EXPECTED.resolve("arkime__smtp-data-521.pcap.expert_note.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, run("-q", "--tshark-only", "-r", capture("arkime__smtp-data-521.pcap").toString(), "-z", "expert,note"));
    }

    @Test
    void protocolHierarchyShowsFrameWhenTsharkBuildsTheWholeTree() throws IOException {
        String expected = Files.readString(EXPECTED.resolve("smtp_ehlo_basic.pcap.io_phs.filtered.txt"), StandardCharsets.UTF_8);
        assertEquals(expected, run("-q", "-r", capture("smtp_ehlo_basic.pcap").toString(), "-Y", "frame", "-z", "io,phs"));
    }

    /** One line of filtered.tsv: tshark's answer in filtered/NAME.txt to {@code -n -q -r CAPTURE ARGS…}. */
    record Filtered(String name, String capture, List<String> args) {
        @Override
        public String toString() {
            return name + ": " + String.join(" ", args);
        }
    }

    static Stream<Filtered> filtered() throws IOException {
        return Files.readAllLines(EXPECTED.resolve("filtered.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isEmpty())
                .map(l -> l.split("\t"))
                .map(f -> new Filtered(f[0], f[1], List.of(f).subList(2, f.length)));
    }

    /**
     * Tap filters ({@code -z conv,tcp,FILTER} …, the "Filter:" lines of the headers, tshark's error
     * for a filter that does not compile with its exit status) and {@code -2 -R}, which drops frames
     * before the taps. Errors are compared without the program's name in front; tshark prints the
     * expert tap's error on standard output, jdissect every error on standard error.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("filtered")
    void filteredReportIsTsharks(Filtered c) throws IOException {
        String expected = Files.readString(EXPECTED.resolve("filtered").resolve(c.name() + ".txt"), StandardCharsets.UTF_8);
        Path capture = SharedTestdata.root().resolve(c.capture());
        Assumptions.assumeTrue(Files.exists(capture), "shared capture " + capture + " absent");
        List<String> args = new ArrayList<>(List.of("-n", "-q", "--tshark-only", "-r", capture.toString()));
        args.addAll(c.args());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        // as make-expected.sh stores it: both streams, trailing newlines cut to one, then the status
        String text = (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).replaceAll("\n+$", "");
        String answer = (text.isEmpty() ? "" : text + "\n") + "exit status " + code + "\n";
        assertEquals(withoutProgramName(expected), withoutProgramName(answer));
    }

    private static String withoutProgramName(String text) {
        return text.replaceAll("(?m)^(tshark|jdissect): ", "");
    }
}
