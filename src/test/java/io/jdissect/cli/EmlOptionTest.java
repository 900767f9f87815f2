package io.jdissect.cli;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --eml FILE}: the message tshark exported from wireshark-wiki__smtp.pcap (frame 45),
 * dissected on its own, gives tshark's IMF fields and tree for that frame.
 */
class EmlOptionTest {
    private static final int IMF_FRAME = 45;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static SharedTestdata.Capture capture() {
        return SharedTestdata.capture("wireshark-wiki__smtp.pcap");
    }

    private static String eml() {
        return capture().exportImf().resolve("SMTP.eml").toString();
    }

    @Test
    void fieldsAreTsharksForTheFrameThatCarriedTheMessage() {
        SharedTestdata.FieldsTable table = SharedTestdata.FieldsTable.read(capture().fieldsTsv());
        List<String> imfFields = table.header().stream().filter(f -> f.startsWith("imf.")).toList();
        List<String> args = new ArrayList<>(List.of("--eml", eml(), "-T", "fields"));
        List<String> expected = new ArrayList<>();
        for (String f : imfFields) {
            args.add("-e");
            args.add(f);
            expected.add(table.columnByFrame(f).getOrDefault(IMF_FRAME, ""));
        }
        Result r = run(args.toArray(new String[0]));
        assertEquals(0, r.code, r.err);
        assertTrue(imfFields.size() > 10);
        assertEquals(String.join("\t", expected) + "\n", r.out);
    }

    @Test
    void treeHoldsTsharksImfTreeLines() throws IOException {
        // tshark's -V of frame 45 from "Internet Message Format" to the end of the frame.
        List<String> tshark = new ArrayList<>();
        boolean inFrame = false;
        for (String line : Files.readAllLines(capture().verbose())) {
            if (line.startsWith("Frame ")) {
                inFrame = line.startsWith("Frame " + IMF_FRAME + ":");
            } else if (inFrame && (line.startsWith("Internet Message Format") || !tshark.isEmpty())) {
                if (line.isEmpty()) {
                    break;
                }
                tshark.add(line);
            }
        }
        Result r = run("--eml", eml(), "-V", "--tshark-only");
        assertEquals(0, r.code, r.err);
        List<String> ours = Arrays.asList(r.out.split("\n"));
        // Same lines in the same order; jdissect may add its own expert findings between them.
        int at = 0;
        for (String line : tshark) {
            int found = ours.subList(at, ours.size()).indexOf(line);
            assertTrue(found >= 0, "missing in order: " + line);
            at += found + 1;
        }
        assertTrue(tshark.size() > 400);
    }

    @Test
    void jsonHasTheImfLayer() {
        Result r = run("--eml", eml(), "-T", "json");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("[\n") && r.out.endsWith("]\n"), r.out);
        assertTrue(r.out.contains("\"imf\": {") && r.out.contains("\"imf.subject\": \"SMTP\","), r.out);
    }

    @Test
    void attachmentsOfTheMessageAreThoseExportedFromItsCapture(@TempDir Path tmp) throws IOException {
        SharedTestdata.Capture c = SharedTestdata.capture("smtp_mime_multipart.pcap");
        Path fromCapture = tmp.resolve("capture");
        Path fromEml = tmp.resolve("eml");
        assertEquals(0, run("-r", c.file().toString(), "-q", "--export-objects", "attachments," + fromCapture).code);
        Result r = run("--eml", c.exportImf().resolve("Multipart with attachment.eml").toString(), "-q",
                "--export-objects", "attachments," + fromEml);
        assertEquals(0, r.code, r.err);
        assertEquals("", r.out);
        assertArrayEquals(Files.readAllBytes(fromCapture.resolve("data.bin")), Files.readAllBytes(fromEml.resolve("data.bin")));
        // Same index but for the frame: the message's own From/To are the envelope's in this capture.
        assertEquals(Files.readString(fromCapture.resolve("attachments.json")).replace("\"frame\" : 17,", "\"frame\" : 1,"),
                Files.readString(fromEml.resolve("attachments.json")));
    }

    @Test
    void missingFileAndBothInputsAreErrors() {
        Result missing = run("--eml", "/nonexistent/x.eml");
        assertEquals(2, missing.code);
        assertEquals("jdissect: The file \"/nonexistent/x.eml\" doesn't exist or can't be read.\n", missing.err);
        assertEquals(1, run("--eml", eml(), "-r", capture().file().toString()).code);
    }
}
