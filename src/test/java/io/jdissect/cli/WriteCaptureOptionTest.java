package io.jdissect.cli;

import io.jdissect.capture.CaptureFiles;
import io.jdissect.capture.CaptureInterface;
import io.jdissect.capture.CaptureReader;
import io.jdissect.capture.CaptureRecord;
import io.jdissect.capture.CaptureWriter;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -w FILE -F pcapng|pcap}: the written capture, read back with jdissect's readers, holds the
 * input's packets with the same bytes, lengths, timestamps, link types and timestamp resolutions.
 */
class WriteCaptureOptionTest {
    @TempDir
    Path tmp;

    private record Result(int code, byte[] out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** A record with the interface it was captured on, as a reader reports them. */
    private record Read(CaptureRecord record, CaptureInterface iface) {
    }

    private static List<Read> read(CaptureReader reader) throws IOException {
        try (reader) {
            List<Read> all = new ArrayList<>();
            for (CaptureRecord r = reader.next(); r != null; r = reader.next()) {
                all.add(new Read(r, CaptureWriter.interfaceOf(r, reader.interfaces())));
            }
            return all;
        }
    }

    private static void assertSamePackets(List<Read> expected, List<Read> actual, boolean sameResolution) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            CaptureRecord e = expected.get(i).record();
            CaptureRecord a = actual.get(i).record();
            String frame = "frame " + (i + 1);
            assertArrayEquals(Arrays.copyOf(e.data(), e.capturedLength()), Arrays.copyOf(a.data(), a.capturedLength()), frame);
            assertEquals(e.originalLength(), a.originalLength(), frame);
            assertEquals(e.timestamp(), a.timestamp(), frame);
            assertEquals(e.linkType(), a.linkType(), frame);
            if (sameResolution) {
                assertEquals(expected.get(i).iface().unitsPerSecond(), actual.get(i).iface().unitsPerSecond(), frame);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "fmt_lo.pcapng, pcapng", "fmt_lo.pcapng, pcap",
        "fmt_lo_nsec.pcap, pcapng", "fmt_lo_nsec.pcap, pcap",
        "fmt_lo_usec.pcap, pcapng", "fmt_any_sll2.pcap, pcapng", "fmt_any_sll.pcap, pcap",
        "zeek__smtp-bdat-cmd-invalid.pcapng, pcapng", "wireshark-wiki__smtp.pcap, pcap",
    })
    void writtenCaptureHoldsTheInputPackets(String capture, String format) throws IOException {
        Path input = SharedTestdata.capture(capture).file();
        Path output = tmp.resolve("out." + format);
        Result r = run("-r", input.toString(), "-w", output.toString(), "-F", format);
        assertEquals(0, r.code, r.err);
        assertEquals(0, r.out.length, "packets are written, not printed");
        List<Read> written = read(CaptureFiles.open(output));
        assertSamePackets(read(CaptureFiles.open(input)), written, true);
        assertEquals(SharedTestdata.capture(capture).frames(), written.size());
    }

    @Test
    void onlyPacketsPassingTheFilterAreWrittenAndDashIsStandardOutput() throws IOException {
        // -T json must not add its brackets around the capture on standard output.
        Path input = SharedTestdata.capture("fmt_lo_nsec.pcap").file();
        Result r = run("-r", input.toString(), "-Y", "tcp.flags.syn == 1", "-w", "-", "-T", "json");
        assertEquals(0, r.code, r.err);
        List<Read> written = read(CaptureFiles.open(new ByteArrayInputStream(r.out), "-"));
        // The SYN and the SYN+ACK: frames 1 and 2 of the capture.
        assertSamePackets(read(CaptureFiles.open(input)).subList(0, 2), written, true);
    }

    @Test
    void unknownFileTypeIsExitOne() {
        Result r = run("-r", SharedTestdata.capture("fmt_lo.pcapng").file().toString(), "-w", tmp.resolve("x").toString(),
                "-F", "erf");
        assertEquals(1, r.code);
        assertEquals("jdissect: Invalid -F capture file type \"erf\"; it must be one of: pcapng, pcap\n", r.err);
    }

    @Test
    void emptyOutputIsStillACaptureFile() throws IOException {
        Path output = tmp.resolve("none.pcapng");
        Result r = run("-r", SharedTestdata.capture("fmt_lo.pcapng").file().toString(), "-Y", "frame.number == 0",
                "-w", output.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(read(CaptureFiles.open(output)).isEmpty());
    }
}
