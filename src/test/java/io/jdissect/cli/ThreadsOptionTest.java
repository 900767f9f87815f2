package io.jdissect.cli;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --threads}: the output of every shared capture in every format is byte for byte the same
 * whether it is formatted in the dissecting thread or in a second one.
 */
class ThreadsOptionTest {
    private static final List<List<String>> OUTPUTS = List.of(
            List.of(),
            List.of("-V", "-x"),
            List.of("-T", "json"),
            List.of("-T", "ek"),
            List.of("-T", "fields", "-e", "frame.number", "-e", "smtp.req.parameter", "-e", "imf.subject", "-e", "_ws.col.Info"),
            List.of("-Y", "smtp || imf", "-t", "dd", "-T", "json", "-x"));

    private record Run(int code, byte[] out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> outputIsTheSameWithOneOrTwoThreads() {
        return SharedTestdata.captures().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (List<String> output : OUTPUTS) {
                List<String> args = new ArrayList<>(List.of("-r", c.file().toString()));
                args.addAll(output);
                Run one = run(withThreads(args, "1"));
                Run two = run(withThreads(args, "2"));
                assertEquals(one.code, two.code, output.toString());
                assertEquals(one.err, two.err, output.toString());
                assertArrayEquals(one.out, two.out, c.name() + " " + output);
                assertTrue(one.out.length > 0 || one.code != 0, output.toString());
            }
        }));
    }

    private static List<String> withThreads(List<String> args, String n) {
        List<String> all = new ArrayList<>(args);
        all.add("--threads");
        all.add(n);
        return all;
    }
}
