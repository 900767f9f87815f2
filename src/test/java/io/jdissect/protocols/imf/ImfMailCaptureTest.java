package io.jdissect.protocols.imf;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.export.ExportObjects;
import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The project's own mail capture ({@code testdata/imf/imf_mail.pcap}, made by the script beside
 * it, with tshark 4.0's outputs): attachments, nested multiparts, an attached message, RFC 2047
 * subjects, raw UTF-8 and very long folded headers, groups, SIO-Label, a top-level base64 body,
 * a colon-less header line and tshark's two-byte cut of unspaced Content-Type parameters. Every
 * imf.* and mime_multipart.* field, the protocol stack and the columns agree with tshark on every
 * frame, and --export-objects imf writes tshark's files.
 */
class ImfMailCaptureTest {
    private static final SharedTestdata.Capture CAPTURE =
            new SharedTestdata.Capture(Path.of("testdata/imf/imf_mail.pcap"), "", 128);

    @Test
    void everyFieldAndColumnAgreesWithTshark() throws IOException {
        assertEquals(List.of(), FieldsComparison.compare(CAPTURE, f -> true));
    }

    @Test
    void exportImfWritesTsharksFiles(@TempDir Path dir) throws IOException {
        try (ExportObjects eo = ExportObjects.create("imf", dir);
             PacketStream packets = JDissect.create().open(CAPTURE.file())) {
            for (Packet p : packets) {
                eo.accept(p);
            }
        }
        List<Path> tshark;
        try (Stream<Path> s = Files.list(CAPTURE.exportImf())) {
            tshark = s.sorted().toList();
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(tshark.stream().map(p -> p.getFileName().toString()).toList(),
                    s.sorted().map(p -> p.getFileName().toString()).toList());
        }
        for (Path t : tshark) {
            assertArrayEquals(Files.readAllBytes(t), Files.readAllBytes(dir.resolve(t.getFileName().toString())));
        }
    }
}
