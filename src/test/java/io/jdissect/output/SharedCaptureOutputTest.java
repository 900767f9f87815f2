package io.jdissect.output;

import io.jdissect.testing.OutputComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every writer against tshark's stored outputs on every shared capture, for the layers listed in
 * {@link OutputComparison#COMPARED_LAYERS} that jdissect dissects: {@code -T json} and {@code -T ek}
 * key by key (duplicate keys merged), {@code -V} line by line, summary lines column by column.
 */
class SharedCaptureOutputTest {
    private interface Check {
        List<String> mismatches(OutputComparison c) throws Exception;
    }

    private static Stream<DynamicTest> perCapture(String what, Check check) {
        return SharedTestdata.captures().stream().map(capture -> DynamicTest.dynamicTest(what + " " + capture.name(), () -> {
            List<String> mismatches = check.mismatches(new OutputComparison(capture));
            assertEquals(List.of(), mismatches, what + " of " + capture.name() + " differs from tshark's");
        }));
    }

    @TestFactory
    Stream<DynamicTest> jsonMatchesTshark() {
        return perCapture("-T json", OutputComparison::json);
    }

    @TestFactory
    Stream<DynamicTest> ekMatchesTshark() {
        return perCapture("-T ek", OutputComparison::ek);
    }

    @TestFactory
    Stream<DynamicTest> verboseMatchesTshark() {
        return perCapture("-V", OutputComparison::verbose);
    }

    @TestFactory
    Stream<DynamicTest> summaryMatchesTshark() {
        return perCapture("summary", c -> c.summary(
                OutputComparison.resourceLines("/tshark-summary/" + captureName(c) + ".txt"), TimeFormat.RELATIVE));
    }

    @TestFactory
    Stream<DynamicTest> timeFormatsMatchTshark() {
        return Stream.of("fmt_lo_nsec.pcap", "fmt_lo.pcapng", "fmt_any_sll.pcap").flatMap(name ->
                Stream.of("ad", "e", "a", "u", "ud", "d").map(t -> DynamicTest.dynamicTest("-t " + t + " " + name, () -> {
                    OutputComparison c = new OutputComparison(SharedTestdata.capture(name));
                    List<String> expected = OutputComparison.resourceLines("/tshark-summary/" + name + ".t-" + t + ".txt");
                    assertEquals(List.of(), c.summary(expected, TimeFormat.of(t)));
                })));
    }

    private static String captureName(OutputComparison c) {
        return c.captureName();
    }
}
