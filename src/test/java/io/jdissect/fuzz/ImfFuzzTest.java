package io.jdissect.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdissect.api.JDissect;
import io.jdissect.protocols.imf.ImfMessage;

/**
 * Any bytes as a saved message: the IMF and MIME parsers and the dissector tree never throw.
 * Seeds are messages exported from the project's own capture ({@code testdata/imf/}).
 */
class ImfFuzzTest {
    private static final JDissect JD = JDissect.create();

    @FuzzTest(maxDuration = "60s")
    void message(byte[] data) {
        ImfMessage.parse(data);
        ImfMessage.dissect(data, JD);
    }
}
