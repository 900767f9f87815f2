package io.jdissect.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code jdissect ... | head}: when the reader of standard output goes away, jdissect stops quietly
 * with the status of a process ended by SIGPIPE, as tshark does; any other write error is still reported.
 */
class ClosedOutputTest {
    private static final String CAPTURE = "testdata/imf/imf_mail.pcap";

    /** Takes {@code room} bytes, then fails every write as a closed pipe (or a full disk) does. */
    private static OutputStream closingAfter(int room, String message) {
        return new OutputStream() {
            private int taken;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (taken + len > room) {
                    throw new IOException(message);
                }
                taken += len;
            }
        };
    }

    private static int run(OutputStream out, ByteArrayOutputStream err, List<String> args) {
        return new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
    }

    @Test
    void aReaderThatWentAwayEndsTheRunQuietly() {
        for (List<String> output : List.<List<String>>of(List.of(), List.of("-V"), List.of("-T", "json"), List.of("-T", "ek", "--threads", "1"),
                List.of("-Y", "imf", "-T", "fields", "-e", "frame.number"))) {
            List<String> args = new java.util.ArrayList<>(List.of("-r", CAPTURE));
            args.addAll(output);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(Main.READER_GONE, run(closingAfter(0, "Broken pipe"), err, args), output.toString());
            assertEquals("", err.toString(StandardCharsets.UTF_8), output.toString());
        }
    }

    @Test
    void anotherWriteErrorIsStillReported() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(closingAfter(0, "No space left on device"), err, List.of("-r", CAPTURE, "-T", "json"));
        assertEquals(Main.BAD_INPUT, code);
        assertEquals("jdissect: internal error: java.io.IOException: No space left on device\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
