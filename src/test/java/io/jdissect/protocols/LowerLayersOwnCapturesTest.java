package io.jdissect.protocols;

import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The captures built by {@code testdata/lower/make_captures.py} (pcapng with two sections and
 * interfaces, VLAN and Q-in-Q, padding/trailer/FCS, IPv4 and IPv6 fragments, IPv6 extension
 * headers, NULL/LOOP/raw/SLL2, snapshot-length cuts, records with no captured bytes in pcap and
 * pcapng): every field tshark printed for them
 * (stored beside each as .fields.tsv) must come out the same.
 */
class LowerLayersOwnCapturesTest {
    private static final Path DIR = Path.of("testdata/lower");

    static Stream<SharedTestdata.Capture> captures() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted()
                    .map(p -> new SharedTestdata.Capture(p, "", 0)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyFieldMatchesTshark(SharedTestdata.Capture capture) throws IOException {
        List<String> mismatches = FieldsComparison.compare(capture, f -> true);
        assertEquals(List.of(), mismatches.subList(0, Math.min(25, mismatches.size())),
                mismatches.size() + " mismatches in " + capture.name());
    }
}
