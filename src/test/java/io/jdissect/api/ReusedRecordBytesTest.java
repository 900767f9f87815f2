package io.jdissect.api;

import io.jdissect.output.FieldsWriter;
import io.jdissect.output.JsonWriter;
import io.jdissect.output.OutputOptions;
import io.jdissect.output.PacketWriter;
import io.jdissect.testing.SharedTestdata;
import io.jdissect.testing.SyntheticSmtpCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PacketStream#reuseRecordBytes()}, which the command line turns on when it prints each
 * packet before reading the next: every record is then read into one array that the next record
 * overwrites, so whatever a dissector keeps from a packet (reassembled messages and segments, IP
 * fragments, conversation state) must be a copy. Each packet is printed before the next is read,
 * as the command line does, and the output must be the one of records in arrays of their own.
 */
class ReusedRecordBytesTest {
    private interface WriterFactory {
        PacketWriter on(OutputStream out) throws IOException;
    }

    static List<SharedTestdata.Capture> captures() {
        return SharedTestdata.captures();
    }

    /** Every shared capture as whole JSON packets: multi-segment messages, jumbo loopback records, fragments. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everySharedCaptureDissectsAsWithoutReuse(SharedTestdata.Capture c) throws IOException {
        WriterFactory json = out -> new JsonWriter(out, new OutputOptions());
        String ownArrays = print(c.file(), false, json);
        assertEquals(ownArrays, print(c.file(), true, json));
    }

    /**
     * A capture big enough to be read ahead in a thread of its own: records are then copied out of
     * its chunks into the reused array, some of them across two chunks.
     */
    @Test
    void readAheadCaptureDissectsAsWithoutReuse(@TempDir Path dir) throws IOException {
        int messages = 24_000;
        Path capture = dir.resolve("big.pcap");
        try (InputStream in = new SyntheticSmtpCapture(messages); OutputStream out = Files.newOutputStream(capture)) {
            in.transferTo(out);
        }
        assertTrue(Files.size(capture) > (16L << 20) + (1 << 20), "big enough to be read ahead: " + Files.size(capture));
        OutputOptions options = new OutputOptions();
        List.of("frame.number", "frame.len", "frame.cap_len", "eth.src", "ip.dst", "tcp.srcport", "tcp.seq", "tcp.payload",
                "smtp.req.command", "smtp.req.parameter", "smtp.response", "imf.from", "imf.subject", "imf.message_text")
                .forEach(options::field);
        WriterFactory fields = out -> new FieldsWriter(out, options);
        String ownArrays = print(capture, false, fields);
        assertTrue(ownArrays.contains("\tmessage " + (messages - 1) + "\t"), "the last message's subject");
        assertEquals(ownArrays, print(capture, true, fields));
    }

    private static String print(Path capture, boolean reuse, WriterFactory writerOf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter writer = writerOf.on(out);
        try (PacketStream packets = JDissect.create().open(capture)) {
            if (reuse) {
                packets.reuseRecordBytes();
            }
            writer.begin();
            for (Packet p; (p = packets.next()) != null; ) {
                writer.write(p);
            }
            writer.finish();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
