package io.jdissect.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code -l}: each packet's output reaches standard output before the next packet is read, in every
 * format (the writers' own buffers included), and the bytes are those of a run without it.
 */
class FlushOptionTest {
    private static final String CAPTURE = "testdata/imf/imf_mail.pcap";

    /** Keeps the bytes and, at each flush, how many lines had arrived. */
    private static final class Recording extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> linesAtFlush = new ArrayList<>();
        int lines;

        @Override
        public void write(int b) {
            bytes.write(b);
            lines += b == '\n' ? 1 : 0;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() {
            if (linesAtFlush.isEmpty() || linesAtFlush.get(linesAtFlush.size() - 1) != lines) {
                linesAtFlush.add(lines);
            }
        }
    }

    private static Recording run(List<String> options, boolean flush) {
        List<String> args = new ArrayList<>(List.of("-r", CAPTURE));
        args.addAll(options);
        if (flush) {
            args.add("-l");
        }
        Recording out = new Recording();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        assertEquals(0, code, options.toString());
        return out;
    }

    @Test
    void everyPacketIsFlushedAsItIsWritten() {
        // lines per packet: a summary line, a fields line, EK's index and document lines
        for (Object[] c : new Object[][] {{List.of(), 1}, {List.of("-T", "fields", "-e", "frame.number"), 1},
                {List.of("-T", "ek"), 2}}) {
            @SuppressWarnings("unchecked")
            List<String> options = (List<String>) c[0];
            int perPacket = (Integer) c[1];
            Recording plain = run(options, false);
            Recording flushed = run(options, true);
            assertArrayEquals(plain.bytes.toByteArray(), flushed.bytes.toByteArray(), options.toString());
            int packets = plain.lines / perPacket;
            List<Integer> expected = new ArrayList<>();
            for (int k = 1; k <= packets; k++) {
                expected.add(k * perPacket);
            }
            assertEquals(expected, flushed.linesAtFlush, options.toString());
        }
    }

    @Test
    void jsonPacketsArriveOneAtATime() {
        Recording flushed = run(List.of("-T", "json"), true);
        assertArrayEquals(run(List.of("-T", "json"), false).bytes.toByteArray(), flushed.bytes.toByteArray());
        String json = flushed.bytes.toString(StandardCharsets.UTF_8);
        int packets = json.split("\n  \\{\n", -1).length - 1;
        assertEquals(packets + 1, flushed.linesAtFlush.size(), flushed.linesAtFlush.toString()); // and the closing ]
    }
}
