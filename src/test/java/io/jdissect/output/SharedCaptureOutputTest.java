package io.jdissect.output;

import io.jdissect.testing.OutputComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every writer against tshark's stored outputs on every shared capture, for the layers listed in
 * {@link OutputComparison#COMPARED_LAYERS} that jdissect dissects: {@code -T json} and {@code -T ek}
 * key by key (duplicate keys merged), {@code -V} line by line, summary lines column by column.
 * A (format, capture, layer) that disagrees must be listed, with its cause, in
 * {@code output-known-gaps.tsv}; any other disagreement fails. Gaps that are closed are printed so
 * the list can shrink.
 */
class SharedCaptureOutputTest {
    private interface Check {
        List<String> mismatches(OutputComparison c) throws Exception;
    }

    private static Map<String, String> knownGaps() throws IOException {
        Map<String, String> gaps = new HashMap<>();
        for (String line : OutputComparison.resourceLines("/output-known-gaps.tsv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", 4);
            gaps.put(c[0] + "\t" + c[1] + "\t" + c[2], c.length > 3 ? c[3] : "");
        }
        return gaps;
    }

    private static Stream<DynamicTest> perCapture(String format, Check check) throws IOException {
        Map<String, String> known = knownGaps();
        return SharedTestdata.captures().stream().map(capture -> DynamicTest.dynamicTest(format + " " + capture.name(), () -> {
            List<String> mismatches = check.mismatches(new OutputComparison(capture));
            Map<String, List<String>> byLayer = mismatches.stream()
                    .collect(Collectors.groupingBy(OutputComparison::layerOf));
            for (String layer : OutputComparison.COMPARED_LAYERS) {
                String key = format + "\t" + capture.name() + "\t" + layer;
                if (known.containsKey(key) && !byLayer.containsKey(layer)) {
                    System.out.println("known gap closed, remove it from output-known-gaps.tsv: " + key.replace('\t', ' '));
                }
            }
            List<String> unexpected = byLayer.entrySet().stream()
                    .filter(e -> !known.containsKey(format + "\t" + capture.name() + "\t" + e.getKey()))
                    .flatMap(e -> e.getValue().stream()).toList();
            assertEquals(List.of(), unexpected, format + " of " + capture.name() + " differs from tshark's");
        }));
    }

    @TestFactory
    Stream<DynamicTest> jsonMatchesTshark() throws IOException {
        return perCapture("json", OutputComparison::json);
    }

    @TestFactory
    Stream<DynamicTest> ekMatchesTshark() throws IOException {
        return perCapture("ek", OutputComparison::ek);
    }

    @TestFactory
    Stream<DynamicTest> verboseMatchesTshark() throws IOException {
        return perCapture("V", OutputComparison::verbose);
    }

    @TestFactory
    Stream<DynamicTest> summaryMatchesTshark() throws IOException {
        return perCapture("summary", c -> c.summary(
                OutputComparison.resourceLines("/tshark-summary/" + c.captureName() + ".txt"), TimeFormat.RELATIVE));
    }

    @TestFactory
    Stream<DynamicTest> timeFormatsMatchTshark() {
        return Stream.of("fmt_lo_nsec.pcap", "fmt_lo.pcapng", "fmt_any_sll.pcap").flatMap(name ->
                Stream.of("ad", "e", "a", "u", "ud", "d").map(t -> DynamicTest.dynamicTest("-t " + t + " " + name, () -> {
                    OutputComparison c = new OutputComparison(SharedTestdata.capture(name));
                    List<String> expected = OutputComparison.resourceLines("/tshark-summary/" + name + ".t-" + t + ".txt");
                    // Only time and addresses: the Info of these lines is compared by summaryMatchesTshark.
                    List<String> wrong = c.summary(expected, TimeFormat.of(t)).stream()
                            .filter(m -> m.contains("column 2") || m.contains("column 1 ")).toList();
                    assertEquals(List.of(), wrong);
                })));
    }
}
