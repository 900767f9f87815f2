package io.jdissect.export;

import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export objects fed with every packet of a shared capture, as the CLI does. */
class ExportFromCaptureTest {
    private static List<Path> export(String capture, String protocol, Path dir) throws IOException {
        SharedTestdata.Capture c = SharedTestdata.capture(capture);
        try (ExportObjects eo = ExportObjects.create(protocol, dir);
             PacketStream packets = FieldsComparison.setupFor(c).open(c.file())) {
            for (Packet p : packets) {
                eo.accept(p);
            }
            eo.close();
            return eo.written();
        }
    }

    @Test
    void imfFromThePcapIsTsharksExport(@TempDir Path dir) throws IOException {
        List<Path> files = export("smtp_mime_multipart.pcap", "imf", dir);
        Path tshark = SharedTestdata.capture("smtp_mime_multipart.pcap").exportImf().resolve("Multipart with attachment.eml");
        assertEquals(List.of(dir.toAbsolutePath().resolve("Multipart with attachment.eml")), files);
        assertArrayEquals(Files.readAllBytes(tshark), Files.readAllBytes(files.get(0)));
    }

    @Test
    void emlIsDotUnstuffed(@TempDir Path dir) throws IOException {
        List<Path> files = export("smtp_dot_stuffing.pcap", "eml", dir);
        String tshark = Files.readString(SharedTestdata.capture("smtp_dot_stuffing.pcap").exportImf()
                .resolve("Dot-stuffing test.eml"), StandardCharsets.ISO_8859_1);
        // RFC 5321 §4.5.2: the sender doubled every leading dot; the message has one less.
        String unstuffed = tshark.replaceAll("(?m)^\\.", "");
        assertEquals(1, files.size());
        assertEquals(unstuffed, Files.readString(files.get(0), StandardCharsets.ISO_8859_1));
    }

    @Test
    void attachmentsAreDecodedWithAnIndex(@TempDir Path dir) throws IOException {
        List<Path> files = export("smtp_mime_multipart.pcap", "attachments", dir);
        assertEquals(2, files.size());
        byte[] data = Files.readAllBytes(dir.resolve("data.bin"));
        assertEquals(3000, data.length);
        String index = Files.readString(dir.resolve("attachments.json"));
        // Size and SHA-256 as Python's email package gives them (testdata/imf/attachments_reference.tsv).
        assertTrue(index.contains("\"sha256\" : \"f541874101876255b4baf3a739778d04cb9cba25ffa38b30bc1fb8b0701f2a45\""), index);
        assertTrue(index.contains("\"name\" : \"data.bin\""), index);
        assertTrue(index.contains("\"message\" : \"Multipart with attachment\""), index);
    }

    @Test
    void namesNeverEscapeAndNeverOverwrite(@TempDir Path dir) throws IOException {
        ExportDirectory d = new ExportDirectory(dir);
        Path a = d.write("../../etc/passwd", new byte[] {1});
        Path b = d.write("../../etc/passwd", new byte[] {2});
        Path c = d.write("..", new byte[] {3});
        assertEquals(dir.toAbsolutePath().resolve("..%2f..%2fetc%2fpasswd"), a);
        // tshark's eo_rename puts the number before the last '.', wherever it is.
        assertEquals(dir.toAbsolutePath().resolve("..%2f.(1).%2fetc%2fpasswd"), b);
        assertEquals(dir.toAbsolutePath(), c.getParent());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(a));
    }
}
