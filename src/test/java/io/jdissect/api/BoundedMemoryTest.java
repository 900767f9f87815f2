package io.jdissect.api;

import io.jdissect.output.JsonWriter;
import io.jdissect.output.OutputOptions;
import io.jdissect.testing.SyntheticSmtpCapture;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory must not grow with the size of a capture: jdissect keeps nothing of a packet once it is
 * handed out, and per-connection state (SMTP session, TCP stream) does not accumulate per message.
 * The capture is generated while it is read, so only jdissect's own retention is measured: the
 * heap retained after reading ten times more of the same connection stays where it was.
 */
class BoundedMemoryTest {
    private static final int MESSAGES = 3000;

    @Test
    void retainedHeapDoesNotGrowWithTheCapture() throws Exception {
        JDissect jd = JDissect.create();
        long afterTenth = -1;
        int imfFrames = 0;
        long packets = 0;
        JsonWriter json = new JsonWriter(OutputStream.nullOutputStream(), new OutputOptions());
        try (PacketStream stream = jd.open(new SyntheticSmtpCapture(MESSAGES), "synthetic")) {
            json.begin();
            Packet p;
            while ((p = stream.next()) != null) {
                packets++;
                json.write(p);
                if (p.has("imf")) {
                    imfFrames++;
                    if (imfFrames == MESSAGES / 10) {
                        afterTenth = retainedHeap();
                    }
                }
            }
            json.finish();
        }
        long atEnd = retainedHeap();
        // every message reached IMF: the generator and the whole stack really ran
        assertEquals(MESSAGES, imfFrames);
        assertEquals(8L + 8L * MESSAGES, packets);
        long growth = atEnd - afterTenth;
        assertTrue(growth < 8L << 20,
                "retained heap grew by " + (growth >> 10) + " KiB from " + MESSAGES / 10 + " to " + MESSAGES + " messages");
    }

    private static long retainedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }
}
