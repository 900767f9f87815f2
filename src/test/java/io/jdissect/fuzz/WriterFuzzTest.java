package io.jdissect.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.output.EkWriter;
import io.jdissect.output.JsonWriter;
import io.jdissect.output.OutputOptions;
import io.jdissect.output.TextWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzed packets ({@link FuzzFrames}) through the JSON, EK and text writers. Invariant:
 * the JSON output is one valid JSON array and every EK line one valid JSON object, whatever bytes
 * the strings hold (Jackson parses them).
 */
class WriterFuzzTest {
    private static final JDissect JD = JDissect.create();
    private static final JsonFactory JACKSON = new JsonFactory();

    @FuzzTest(maxDuration = "60s")
    void frames(byte[] data) throws IOException {
        List<Packet> packets = FuzzFrames.dissect(JD, FuzzFrames.pcap(data));
        OutputOptions options = new OutputOptions();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream ek = new ByteArrayOutputStream();
        JsonWriter jsonWriter = new JsonWriter(json, options);
        EkWriter ekWriter = new EkWriter(ek, options);
        TextWriter text = new TextWriter(OutputStream.nullOutputStream(), options, TextWriter.Parts.DETAILS);
        jsonWriter.begin();
        for (Packet p : packets) {
            jsonWriter.write(p);
            ekWriter.write(p);
            text.write(p);
        }
        jsonWriter.finish();
        ekWriter.finish();
        assertOneJsonValue(json.toString(StandardCharsets.UTF_8));
        for (String line : ek.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                assertOneJsonValue(line);
            }
        }
    }

    private static void assertOneJsonValue(String text) throws IOException {
        try (JsonParser p = JACKSON.createParser(text)) {
            if (p.nextToken() == null) {
                throw new AssertionError("no JSON value in: " + text);
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new AssertionError("more than one JSON value in: " + text);
            }
        }
    }
}
