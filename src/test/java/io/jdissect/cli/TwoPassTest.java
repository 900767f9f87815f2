package io.jdissect.cli;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two-pass runs ({@code -2}, {@code -2 -R}, {@code -2 -Y}) give tshark's output: frames show what
 * later frames told (tcp.reassembled_in, smtp.data.reassembled.in, the final tcp.completeness, the
 * iRTT on the SYN/ACK), and a read filter drops frames in the first pass and renumbers the rest.
 * The commands and tshark's outputs are in {@code testdata/filter/} (made by {@code two-pass.sh}).
 */
class TwoPassTest {
    private static final Path DIR = Path.of("testdata/filter");

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    List<DynamicTest> outputIsTsharks() throws IOException {
        Path shared = SharedTestdata.requireRoot();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("commands.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String name = cols[0];
            Path capture = cols[1].startsWith("testdata/") ? Path.of(cols[1]) : shared.resolve(cols[1]);
            List<String> args = new ArrayList<>(List.of("--tshark-only", "-r", capture.toString()));
            args.addAll(Arrays.asList(cols).subList(2, cols.length));
            tests.add(DynamicTest.dynamicTest(name + ": " + String.join(" ", args.subList(3, args.size())), () -> {
                String expected = Files.readString(DIR.resolve(name + ".out"), StandardCharsets.UTF_8);
                int code = Integer.parseInt(Files.readString(DIR.resolve(name + ".rc")).trim());
                Result r = run(args.toArray(String[]::new));
                assertEquals(code, r.code, r.err);
                assertEquals(expected, r.out);
            }));
        }
        return tests;
    }

    @Test
    void readFilterNeedsTwoPasses() {
        Result r = run("-r", "x.pcap", "-R", "smtp");
        assertEquals(1, r.code);
        assertEquals("jdissect: -R without -2 is deprecated. For single-pass filtering use -Y.\n", r.err);
    }

    @Test
    void standardInputCannotBeReadTwice() {
        Result r = run("-2", "-r", "-");
        assertEquals(2, r.code);
        assertEquals("jdissect: The standard input is a pipe or FIFO; jdissect can't read pipe or FIFO files in"
                + " two-pass mode.\n", r.err);
    }

    @Test
    void aReadFilterThatDoesNotCompileIsTsharksError() {
        Path capture = SharedTestdata.capture("smtp_helo_basic.pcap").file();
        Result r = run("-2", "-R", "bogus.field", "-r", capture.toString());
        assertEquals(2, r.code);
        assertEquals("jdissect: bogus.field is neither a field nor a protocol name.\n    bogus.field\n    ^~~~~~~~~~~\n",
                r.err);
    }
}
