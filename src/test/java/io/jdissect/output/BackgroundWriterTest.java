package io.jdissect.output;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.SyntheticSmtpCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background writer gives the bytes of the writer it wraps, also when the calling thread formats
 * batches itself (the writer thread behind, here held back by a slow output).
 */
class BackgroundWriterTest {
    private static final List<Packet> PACKETS = new ArrayList<>();

    @BeforeAll
    static void dissect() throws IOException {
        try (PacketStream stream = JDissect.create().open(new SyntheticSmtpCapture(100), "synthetic")) {
            for (Packet p; (p = stream.next()) != null; ) {
                PACKETS.add(p);
            }
        }
    }

    private interface Factory {
        PacketWriter create(OutputStream out) throws IOException;
    }

    private static byte[] direct(Factory f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PacketWriter w = f.create(out);
        w.begin();
        for (Packet p : PACKETS) {
            w.write(p);
        }
        w.finish();
        return out.toByteArray();
    }

    /** Through a background writer whose output takes a millisecond per write. */
    private static byte[] background(Factory f, int formattedBytes, long[] formattedHere) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                out.write(b, off, len);
            }
        };
        try (BackgroundWriter w = new BackgroundWriter(f.create(slow), formattedBytes)) {
            w.begin();
            for (Packet p : PACKETS) {
                w.write(p);
            }
            w.finish();
            formattedHere[0] = w.formattedHere();
        }
        return out.toByteArray();
    }

    private static void sameBytes(Factory f) throws IOException {
        byte[] expected = direct(f);
        long[] here = new long[1];
        assertArrayEquals(expected, background(f, BackgroundWriter.FORMATTED_BYTES, here));
        assertTrue(here[0] > 1, "the calling thread formatted " + here[0] + " batches");
        // Batches split between the threads: the calling thread formats a packet or two, the writer thread the rest.
        assertArrayEquals(expected, background(f, 1, here));
        assertTrue(here[0] > 1, "the calling thread formatted " + here[0] + " batches");
    }

    @Test
    void jsonIsTheSameWhereverItsPacketsAreFormatted() throws IOException {
        assertTrue(PACKETS.size() > 8 * 64, PACKETS.size() + " packets");
        sameBytes(out -> new JsonWriter(out, new OutputOptions()));
        sameBytes(out -> new JsonWriter(out, new OutputOptions().hexDump(true)));
    }

    @Test
    void ekIsTheSameWhereverItsPacketsAreFormatted() throws IOException {
        sameBytes(out -> new EkWriter(out, new OutputOptions()));
    }

    @Test
    void jsonOfNoPacketsIsAnEmptyArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BackgroundWriter w = new BackgroundWriter(new JsonWriter(out, new OutputOptions()))) {
            w.begin();
            w.finish();
        }
        assertEquals("[]\n", out.toString());
    }

    @Test
    void writersWhosePacketsFollowTheDisplayedOnesAreNotSplit() throws IOException {
        OutputOptions fields = new OutputOptions().field("frame.number");
        assertNull(new JsonWriter(OutputStream.nullOutputStream(), fields).continuation(OutputStream.nullOutputStream()));
        assertNull(new EkWriter(OutputStream.nullOutputStream(), fields).continuation(OutputStream.nullOutputStream()));
    }
}
