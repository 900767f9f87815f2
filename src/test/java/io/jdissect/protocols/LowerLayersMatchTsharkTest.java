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
     * frame.protocols also lists the layers above IP, which are not this test's subject: a line is
     * accepted when both lists agree up to the transport layer (the first "tcp" or "udp"), or, where
     * jdissect has no dissector for the transport yet, when tshark's list continues ours ("…:data").
     */
    private static boolean upperLayerMissing(String mismatch) {
        Matcher m = PROTOCOLS_MISMATCH.matcher(mismatch);
        if (!m.matches()) {
            return false;
        }
        String tshark = m.group(1);
        String ours = m.group(2);
        if (ours.endsWith(":data") && tshark.startsWith(ours.substring(0, ours.length() - "data".length()))) {
            return true;
        }
        return upToTransport(tshark).equals(upToTransport(ours));
    }

    private static String upToTransport(String protocols) {
        List<String> layers = List.of(protocols.split(":"));
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).equals("tcp") || layers.get(i).equals("udp")) {
                return String.join(":", layers.subList(0, i + 1));
            }
        }
        return protocols;
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
