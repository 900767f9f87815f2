package io.jdissect.cli;

import io.jdissect.testing.OutputComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The command line: output on a shared capture against tshark's stored lines, and every error
 * path — exit code, one-line message as tshark words it (with jdissect's name), never a stack trace.
 */
class MainTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private static Result run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(stdin, out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), "no stack trace: " + r.err);
        return r;
    }

    private static Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    private static Path capture() {
        return SharedTestdata.capture("fmt_lo_usec.pcap").file();
    }

    private static List<String> tsharkSummary() throws IOException {
        return OutputComparison.resourceLines("/tshark-summary/fmt_lo_usec.pcap.txt");
    }

    @Test
    void summaryLinesOfTheFirstPacketsAreTsharks() throws IOException {
        Result r = run("-r", capture().toString(), "-c", "3");
        assertEquals(0, r.code);
        assertEquals(tsharkSummary().subList(0, 3), r.lines());
    }

    @Test
    void standardInputIsReadWithDash() throws IOException {
        Result r = run(Files.newInputStream(capture()), "-r", "-", "-c", "2");
        assertEquals(0, r.code, r.err);
        assertEquals(tsharkSummary().subList(0, 2), r.lines());
    }

    @Test
    void displayFilterSelectsPackets() throws IOException {
        // Frames 1 and 2 are the SYN and SYN+ACK of the capture.
        Result r = run("-r", capture().toString(), "-Y", "tcp.flags.syn == 1");
        assertEquals(0, r.code, r.err);
        assertEquals(tsharkSummary().subList(0, 2), r.lines());
    }

    /** The project's own capture (testdata/output, recorded by make_smtp_session.py) with tshark's outputs. */
    private static final Path SESSION = Path.of("testdata/output/smtp_session.pcap");

    private static String stored(String suffix) throws IOException {
        return Files.readString(Path.of(SESSION + suffix), StandardCharsets.UTF_8);
    }

    @Test
    void ownCaptureSummaryAndFieldsAreTsharksExactly() throws IOException {
        assertEquals(stored(".txt"), run("-r", SESSION.toString()).out);
        Result f = run("-r", SESSION.toString(), "-T", "fields", "-E", "header=y", "-e", "frame.number", "-e", "ip.src",
                "-e", "tcp.srcport", "-e", "smtp.req.command", "-e", "smtp.response.code", "-e", "_ws.col.Info");
        assertEquals(stored(".fields.tsv"), f.out);
    }

    @Test
    void ownCaptureTreeIsTsharksButForMacNameResolution() throws IOException {
        // jdissect never resolves names; tshark shows "00:00:00_00:00:00 (00:00:00:00:00:00)" for the MACs.
        String expected = stored(".V.txt").replace("00:00:00_00:00:00 (00:00:00:00:00:00)", "00:00:00:00:00:00");
        assertEquals(expected, run("-r", SESSION.toString(), "-V", "--tshark-only").out);
    }

    @Test
    void tsharkOnlyFieldsLeaveOutOurExpertItems() throws IOException {
        // testdata/smtp/synthetic.py stores tshark's expert messages; jdissect's own expert items
        // (smtp.x.*) say more on the same frames, and --tshark-only leaves them out of -T fields too.
        String capture = "testdata/smtp/smtp_syn_verbs.pcap";
        String[] args = {"-r", capture, "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"};
        String tshark = Files.readString(Path.of(capture + ".expert.tsv"));
        assertNotEquals(tshark, run(args).out, "jdissect's own expert items are there by default");
        String[] only = Arrays.copyOf(args, args.length + 1);
        only[args.length] = "--tshark-only";
        assertEquals(tshark, run(only).out);
    }

    @Test
    void missingFile() {
        Result r = run("-r", tmp.resolve("nope.pcap").toString());
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals("jdissect: The file \"" + tmp.resolve("nope.pcap") + "\" doesn't exist.\n", r.err);
    }

    @Test
    void directory() {
        Result r = run("-r", tmp.toString());
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals("jdissect: \"" + tmp + "\" is a directory (folder), not a file.\n", r.err);
    }

    @Test
    void fileUnderAFileCannotBeOpened() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("plain.pcap"), "x");
        String file = notAFolder.resolve("x.pcap").toString();
        Result r = run("-r", file);
        // tshark 4.0: the file "…" could not be opened: Not a directory. (ENOTDIR), exit 2
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals("jdissect: The file \"" + file + "\" could not be opened: Not a directory.\n", r.err);
        assertEquals("", r.out);
    }

    @Test
    void unreadableFile() throws IOException {
        Path f = Files.copy(capture(), tmp.resolve("secret.pcap"));
        Files.setPosixFilePermissions(f, java.util.Set.of());
        assumeFalse(Files.isReadable(f), "running as root, who reads any file: no unreadable file can be made here "
                + "(fileUnderAFileCannotBeOpened covers a file that cannot be opened)");
        Result r = run("-r", f.toString());
        // tshark 4.0's words, exit 2
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals("jdissect: You don't have permission to read the file \"" + f + "\".\n", r.err);
        assertEquals("", r.out);
    }

    /**
     * Standard input that ends in the middle of a record (a capture piped from a process that died),
     * delivered a few bytes per read as a pipe does: the packets before are printed, then tshark's
     * "The standard input appears to have been cut short …" with the offset of the cut record.
     */
    @Test
    void standardInputClosingEarlyPrintsThePacketsBeforeThenTheOffset() throws IOException {
        byte[] cut = Arrays.copyOf(Files.readAllBytes(capture()), 1000);
        InputStream pipe = new ByteArrayInputStream(cut) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        Result r = run(pipe, "-r", "-");
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals(tsharkSummary().subList(0, 8), r.lines());
        // 24 bytes of header, then records of 16 + 54, 16 + 54, … : the ninth starts at 949
        assertEquals("jdissect: The standard input appears to have been cut short in the middle of a packet "
                + "(at byte offset 949)\n", r.err);
    }

    /**
     * pcapng EPB flags words (testdata/lower/make_captures.py): the Packet flags items, the frame's
     * "(inbound)"/"(outbound)", the Point-to-Point Direction, and an FCS length that makes Ethernet
     * end the payload before the FCS, word for word as tshark -V shows them.
     */
    @Test
    void packetFlagsAsTsharkShowsThem() throws IOException {
        Path f = Path.of("testdata/lower/packet_flags.pcapng");
        Result r = run("-r", f.toString(), "-V", "--tshark-only");
        assertEquals(Main.OK, r.code, r.err);
        assertEquals(Files.readString(Path.of(f + ".V.txt"), StandardCharsets.UTF_8), r.out);
    }

    /**
     * Records with no captured bytes (pcap caplen 0; pcapng EPB captured length 0), with a wire
     * length of 0 or 60: tshark 4.0 shows them as frames ("Ethernet 0 [Malformed Packet]",
     * "[Packet size limited during capture]"), not as damage of the file, and reads on (exit 0).
     */
    @Test
    void zeroLengthRecordsAreFramesAsTsharkShowsThem() throws IOException {
        for (String name : List.of("zero_length.pcap", "zero_length.pcapng")) {
            Path f = Path.of("testdata/lower", name);
            Result r = run("-r", f.toString(), "-V");
            assertEquals(Main.OK, r.code, r.err);
            assertEquals("", r.err);
            assertEquals(Files.readString(Path.of(f + ".V.txt"), StandardCharsets.UTF_8), r.out, name);
            List<String> summary = run("-r", f.toString()).lines();
            assertEquals(4, summary.size(), name);
            assertTrue(summary.get(1).endsWith("Ethernet 0 [Malformed Packet]"), summary.get(1));
            assertTrue(summary.get(2).endsWith("Ethernet 60 [Packet size limited during capture]"), summary.get(2));
        }
    }

    @Test
    void notACapture() throws IOException {
        Path f = Files.writeString(tmp.resolve("garbage.pcap"), "garbage-garbage-garbage\n");
        Result r = run("-r", f.toString());
        assertEquals(Main.BAD_INPUT, r.code);
        assertTrue(r.err.startsWith("jdissect: The file \"" + f + "\" isn't a capture file"), r.err);
        assertEquals(1, r.err.lines().count());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        // Deliberately unlike tshark 4.0 (silent, exit 0): an empty file has no capture header.
        Path f = Files.write(tmp.resolve("empty.pcap"), new byte[0]);
        Result r = run("-r", f.toString());
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals("jdissect: The file \"" + f + "\" is empty: it has no capture file header (at byte offset 0)",
                r.err.strip());
        assertEquals("", r.out);
    }

    @Test
    void truncatedCapturePrintsThePacketsBeforeTheDamage() throws IOException {
        byte[] all = Files.readAllBytes(capture());
        Path f = Files.write(tmp.resolve("cut.pcap"), Arrays.copyOf(all, 1000));
        Result r = run("-r", f.toString());
        // tshark -r cut.pcap: 8 packets, then "appears to have been cut short in the middle of a packet", exit 2
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals(tsharkSummary().subList(0, 8), r.lines());
        assertTrue(r.err.startsWith("jdissect: The file \"" + f + "\" appears to have been cut short"), r.err);
        assertEquals(1, r.err.lines().count());
    }

    @Test
    void quietRunReadsWithoutDissectingAndStillReportsTheDamage() throws IOException {
        byte[] all = Files.readAllBytes(capture());
        Path f = Files.write(tmp.resolve("cut.pcap"), Arrays.copyOf(all, 1000));
        Result readOnly = run("-q", "-r", f.toString());
        Result dissected = run("-q", "-Y", "frame", "-r", f.toString());
        assertEquals(Main.BAD_INPUT, readOnly.code);
        assertEquals("", readOnly.out);
        assertEquals(dissected.err, readOnly.err);
        assertEquals(Main.OK, run("-q", "-r", capture().toString()).code);
    }

    @Test
    void jsonOfATruncatedCaptureIsStillCompleteJson() throws IOException {
        byte[] all = Files.readAllBytes(capture());
        Path f = Files.write(tmp.resolve("cut.pcap"), Arrays.copyOf(all, 1000));
        Result r = run("-r", f.toString(), "-T", "json");
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals(8, ((List<?>) io.jdissect.testing.MergedJson.parseAll(new java.io.StringReader(r.out)).get(0)).size());
    }

    @Test
    void unknownOptionGivesUsageHint() {
        Result r = run("--bogus");
        assertEquals(Main.BAD_ARGUMENTS, r.code);
        assertEquals("jdissect: Unknown option: '--bogus'\nRun 'jdissect -h' for the list of options.\n", r.err);
    }

    @Test
    void unknownFieldsAreListedAsTsharkDoes() {
        Result r = run("-r", capture().toString(), "-T", "fields", "-e", "frame.number", "-e", "nosuch.field", "-e", "ip.bogus");
        assertEquals(Main.BAD_ARGUMENTS, r.code);
        // tshark: "tshark: Some fields aren't valid:\n\tip.bogus\n\tnosuch.field"
        assertEquals("jdissect: Some fields aren't valid:\n\tip.bogus\n\tnosuch.field\n", r.err);
    }

    @Test
    void badFieldOptionsFormatAndTime() {
        Result e = run("-r", capture().toString(), "-T", "fields", "-e", "frame.number", "-E", "occurrence=z");
        assertEquals(Main.BAD_ARGUMENTS, e.code);
        assertEquals("jdissect: \"occurrence=z\" is not a valid field output option=value pair.\n", e.err);
        Result noFields = run("-r", capture().toString(), "-T", "fields");
        assertEquals(Main.BAD_ARGUMENTS, noFields.code);
        assertEquals("jdissect: \"-T fields\" was specified, but no fields were specified with \"-e\".\n", noFields.err);
        Result t = run("-r", capture().toString(), "-T", "pdml");
        assertEquals(Main.BAD_ARGUMENTS, t.code);
        assertTrue(t.err.startsWith("jdissect: Invalid -T parameter \"pdml\""), t.err);
        Result time = run("-r", capture().toString(), "-t", "x");
        assertEquals(Main.BAD_ARGUMENTS, time.code);
    }

    @Test
    void badDisplayFilterExitsTwoWithTsharksMessage() {
        Result r = run("-r", capture().toString(), "-Y", "tcp.port ==");
        assertEquals(Main.BAD_INPUT, r.code);
        // tshark: "tshark: Unexpected end of filter expression."
        assertEquals("jdissect: Unexpected end of filter expression.\n", r.err);
    }

    @Test
    void badPreferenceAndDecodeAs() {
        Result o = run("-r", capture().toString(), "-o", "nosuch.pref:1");
        assertEquals(Main.BAD_ARGUMENTS, o.code);
        assertTrue(o.err.startsWith("jdissect: Invalid -o flag"), o.err);
        Result d = run("-r", capture().toString(), "-d", "tcp.port==2525,nosuchproto");
        assertEquals(Main.BAD_ARGUMENTS, d.code);
        assertTrue(d.err.startsWith("jdissect: Invalid -d flag"), d.err);
    }

    @Test
    void fieldAndProtocolReportsUseTsharksLineFormat() {
        Result f = run("-G", "fields");
        assertEquals(0, f.code);
        // lines of tshark -G fields
        assertTrue(f.lines().contains("P\tFrame\tframe"));
        assertTrue(f.lines().contains("F\tFrame Number\tframe.number\tFT_UINT32\tframe\tBASE_DEC\t0x0\t"));
        assertTrue(f.lines().contains("F\tArrival Time\tframe.time\tFT_ABSOLUTE_TIME\tframe\t\t0x0\tAbsolute time when this frame was captured"));
        assertTrue(f.lines().contains("F\tFrame is marked\tframe.marked\tFT_BOOLEAN\tframe\t0\t0x0\tFrame is marked in the GUI"));
        Result p = run("-G", "protocols");
        assertEquals(0, p.code);
        // a line of tshark -G protocols
        assertTrue(p.lines().contains("Expert Info\tExpert\t_ws.expert"));
    }

    @Test
    void versionAndHelp() {
        Result v = run("--version");
        assertEquals(0, v.code);
        assertTrue(v.out.startsWith("jdissect "));
        Result h = run("-h");
        assertEquals(0, h.code);
        assertTrue(h.out.contains("-r, --read-file=FILE"), h.out);
    }
}
