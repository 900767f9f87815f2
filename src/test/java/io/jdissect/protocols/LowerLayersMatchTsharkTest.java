package io.jdissect.protocols;

import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The frame, link-layer and IP fields of every shared capture agree with tshark 4.0's
 * {@code -T fields} output stored beside it.
 */
class LowerLayersMatchTsharkTest {
    private static final Predicate<String> LOWER_LAYERS = f -> f.startsWith("frame.") || f.startsWith("eth.")
            || f.startsWith("sll.") || f.startsWith("ip.") || f.startsWith("ipv6.") || f.startsWith("vlan.");

    static List<SharedTestdata.Capture> captures() {
        return SharedTestdata.captures();
    }

    /**
     * frame.protocols also lists the layers above IP; where jdissect has no dissector for them yet
     * the payload is "data". Such a line is accepted when tshark's list continues ours.
     */
    private static boolean upperLayerMissing(String mismatch) {
        Matcher m = PROTOCOLS_MISMATCH.matcher(mismatch);
        if (!m.matches() || !m.group(2).endsWith(":data")) {
            return false;
        }
        String ours = m.group(2).substring(0, m.group(2).length() - "data".length());
        // tshark's "…:tcp" alone (a segment its upper layer kept for reassembly) also continues "…:tcp:".
        return (m.group(1) + ":").startsWith(ours) && !m.group(1).equals(m.group(2));
    }

    private static final Pattern PROTOCOLS_MISMATCH =
            Pattern.compile("frame \\d+ frame\\.protocols: tshark '([^']*)' jdissect '([^']*)'");

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void lowerLayerFieldsMatchTshark(SharedTestdata.Capture capture) throws IOException {
        try {
            FieldsComparison.setupFor(capture);
        } catch (IllegalArgumentException e) {
            // The capture's -d option names a protocol not in this build yet (e.g. smtp).
            Assumptions.abort(e.getMessage());
        }
        List<String> mismatches = FieldsComparison.compare(capture, LOWER_LAYERS).stream()
                .filter(m -> !upperLayerMissing(m)).toList();
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())),
                mismatches.size() + " mismatches in " + capture.name());
    }
}
