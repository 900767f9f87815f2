package io.jdissect.protocols.imf;

import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.api.TreeItem;
import io.jdissect.output.FieldValues;
import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shared capture dissected from the pcap: on every frame the imf.* and mime_multipart.*
 * values are tshark's (X.fields.tsv), and so are Protocol and Info on the frames IMF dissected.
 * A frame where IMF was handed other bytes than tshark's IMF (the message in X.export-imf/) is a
 * gap of the layers below (TCP/SMTP reassembly, IPv6), reported apart from the IMF mismatches;
 * there are none on the shared captures.
 */
class ImfMatchesTsharkTest {
    @Test
    void imfMultipartAndColumnsAgreeWithTsharkOnEverySharedCapture() throws IOException {
        List<String> mismatches = new ArrayList<>();
        List<String> lowerLayerGaps = new ArrayList<>();
        int imfFrames = 0;
        for (SharedTestdata.Capture c : SharedTestdata.captures()) {
            SharedTestdata.FieldsTable table = SharedTestdata.FieldsTable.read(c.fieldsTsv());
            List<byte[]> tsharkMessages = exported(c);
            int protocols = table.column("frame.protocols");
            int row = 0;
            try (PacketStream packets = FieldsComparison.setupFor(c).open(c.file())) {
                for (Packet p : packets) {
                    String[] r = table.rows().get(row++);
                    boolean tsharkImf = r[protocols].contains(":imf");
                    if (tsharkImf) {
                        imfFrames++;
                        TreeItem imf = p.first("imf");
                        if (imf == null || tsharkMessages.stream().noneMatch(m -> Arrays.equals(m, imf.tvb().bytes()))) {
                            lowerLayerGaps.add(c.name() + " frame " + p.number());
                            continue;
                        }
                    }
                    for (int col = 0; col < table.header().size(); col++) {
                        String field = table.header().get(col);
                        boolean column = field.equals("_ws.col.Info") || field.equals("_ws.col.Protocol");
                        if (!(field.startsWith("imf.") || field.startsWith("mime_multipart.") || (column && tsharkImf))) {
                            continue;
                        }
                        // tshark's TNEF dissector is not in jdissect: the media fallback names the type in Info.
                        if (field.equals("_ws.col.Info") && r[protocols].contains(":tnef")) {
                            continue;
                        }
                        String expected = col < r.length ? r[col] : "";
                        String actual = String.join(",", FieldValues.values(p, field));
                        if (!expected.equals(actual)) {
                            mismatches.add(c.name() + " frame " + p.number() + " " + field + ": tshark '" + expected
                                    + "' jdissect '" + actual + "'");
                        }
                    }
                }
            }
        }
        assertTrue(imfFrames > 30, "IMF frames: " + imfFrames);
        assertEquals(List.of(), mismatches);
        assertEquals(List.of(), lowerLayerGaps, "frames where IMF got other bytes than tshark's IMF");
    }

    private static List<byte[]> exported(SharedTestdata.Capture c) throws IOException {
        List<byte[]> out = new ArrayList<>();
        Path dir = c.exportImf();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    out.add(Files.readAllBytes(f));
                }
            }
        }
        return out;
    }
}
