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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --export-objects}: tshark's IMF export folder, byte for byte, whatever the display filter. */
class ExportObjectsOptionTest {
    @TempDir
    Path tmp;

    private static int run(ByteArrayOutputStream err, String... args) {
        return new Main(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : (Iterable<Path>) list::iterator) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    @Test
    void imfExportIsTsharksFolderEvenWhenTheFilterShowsNothing() throws IOException {
        SharedTestdata.Capture c = SharedTestdata.capture("wireshark-wiki__smtp.pcap");
        Path out = tmp.resolve("imf");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // "-Y frame.number == 1" shows only the SYN: the message is still exported, as tshark's tap does.
        int code = run(err, "-r", c.file().toString(), "-q", "-Y", "frame.number == 1", "--export-objects", "imf," + out);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Map<String, byte[]> tshark = read(c.exportImf());
        Map<String, byte[]> ours = read(out);
        assertEquals(tshark.keySet(), ours.keySet());
        assertTrue(!tshark.isEmpty());
        for (String name : tshark.keySet()) {
            assertArrayEquals(tshark.get(name), ours.get(name), name);
        }
    }

    @Test
    void unknownProtocolIsAOneLineErrorWithExitOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SharedTestdata.Capture c = SharedTestdata.capture("wireshark-wiki__smtp.pcap");
        int code = run(err, "-r", c.file().toString(), "--export-objects", "http," + tmp.resolve("x"));
        assertEquals(1, code);
        assertEquals("jdissect: \"http\" isn't a valid export-objects protocol (valid: imf, eml, attachments)\n",
                err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run(new ByteArrayOutputStream(), "-r", c.file().toString(), "--export-objects", "imf"));
    }
}
