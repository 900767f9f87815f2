package io.jdissect.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.output.EkWriter;
import io.jdissect.output.JsonWriter;
import io.jdissect.output.OutputOptions;
import io.jdissect.output.TextWriter;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Any bytes as a capture file, through every layer and the JSON, EK and -V writers: the only
 * allowed failure is an IOException from the reader (a damaged file); dissectors must contain
 * what they meet. {@code JAZZER_FUZZ=1 mvn test -Dtest=CaptureFuzzTest} fuzzes; a plain
 * {@code mvn test} replays the committed corpus ({@code CaptureFuzzTestInputs/}, seeded from
 * {@code testdata/}).
 */
class CaptureFuzzTest {
    private static final JDissect JD = JDissect.create();

    @FuzzTest(maxDuration = "60s")
    void captureFile(byte[] data) throws IOException {
        OutputOptions options = new OutputOptions();
        JsonWriter json = new JsonWriter(OutputStream.nullOutputStream(), options);
        EkWriter ek = new EkWriter(OutputStream.nullOutputStream(), options);
        TextWriter verbose = new TextWriter(OutputStream.nullOutputStream(), options, TextWriter.Parts.DETAILS);
        json.begin();
        try (PacketStream packets = JD.open(data)) {
            Packet p;
            while ((p = packets.next()) != null) {
                json.write(p);
                ek.write(p);
                verbose.write(p);
            }
        } catch (IOException damagedFile) {
            // a damaged capture ends with a message; the packets before it were written
        }
        json.finish();
    }
}
