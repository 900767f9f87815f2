package io.jdissect.protocols.smtp;

import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.output.FieldValues;
import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On every shared capture: every smtp.* field of tshark's {@code .fields.tsv} (ours under
 * {@code smtp.x.} are not in it) agrees frame by frame, and so do the Protocol and Info columns of
 * every frame tshark dissected as SMTP. Frames where tshark ran IMF (Protocol "SMTP/IMF") are
 * compared only when an "imf" dissector is registered.
 */
class SmtpMatchesTsharkTest {
    @TestFactory
    Stream<DynamicTest> everySharedCapture() {
        return SharedTestdata.captures().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            List<String> mismatches = new ArrayList<>(FieldsComparison.compare(c, f -> f.startsWith("smtp.")));
            mismatches.addAll(columns(c));
            assertEquals("", String.join("\n", mismatches.subList(0, Math.min(30, mismatches.size()))),
                    mismatches.size() + " mismatches");
        }));
    }

    private static List<String> columns(SharedTestdata.Capture c) throws Exception {
        SharedTestdata.FieldsTable t = SharedTestdata.FieldsTable.read(c.fieldsTsv());
        Map<Integer, String> protocols = t.columnByFrame("frame.protocols");
        Map<Integer, String> protocol = t.columnByFrame("_ws.col.Protocol");
        Map<Integer, String> info = t.columnByFrame("_ws.col.Info");
        List<String> out = new ArrayList<>();
        var setup = FieldsComparison.setupFor(c);
        boolean imf = setup.registry().handle("imf") != null;
        try (PacketStream packets = setup.open(c.file())) {
            for (Packet p : packets) {
                int n = (int) p.number();
                String protos = protocols.getOrDefault(n, "");
                if (!protos.contains(":smtp")) {
                    continue;
                }
                if (!imf && protos.contains(":imf")) {
                    continue;
                }
                String ourProtocol = FieldValues.column(p, "Protocol");
                String ourInfo = FieldValues.column(p, "Info").replace("\r", "\\r").replace("\n", "\\n");
                if (!protocol.get(n).equals(ourProtocol)) {
                    out.add("frame " + n + " _ws.col.Protocol: tshark '" + protocol.get(n) + "' jdissect '" + ourProtocol + "'");
                }
                if (!info.get(n).equals(ourInfo)) {
                    out.add("frame " + n + " _ws.col.Info: tshark '" + info.get(n) + "' jdissect '" + ourInfo + "'");
                }
            }
        }
        return out;
    }
}
