package io.jdissect.bench.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdissect.capture.CaptureFiles;
import io.jdissect.capture.CaptureReader;
import io.jdissect.capture.CaptureRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generator is reproducible (bench/run.sh keys its captures by seed and size, and "perf"
 * measures on them) and writes what it claims. Agreement with tshark is checked by
 * {@code bench/run.sh --verify}, which needs tshark.
 */
class GenerateCaptureTest {
    @Test
    void aSeedAndASizeAlwaysGiveTheSameBytes() {
        assertArrayEquals(Samples.traffic(7, 3_000_000), Samples.traffic(7, 3_000_000));
    }

    @Test
    void anotherSeedGivesOtherTraffic() {
        assertFalse(Arrays.equals(Samples.traffic(7, 3_000_000), Samples.traffic(8, 3_000_000)));
    }

    @Test
    void theCoreReadsEveryRecordAndTheSizeIsReached() throws IOException {
        byte[] pcap = Samples.traffic(7, 3_000_000);
        long records = 0;
        long end = 24;
        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(pcap), "generated")) {
            for (CaptureRecord r = reader.next(); r != null; r = reader.next()) {
                records++;
                end = r.fileOffset() + 16 + r.capturedLength();
                assertEquals(r.originalLength(), r.capturedLength());
                assertEquals(1, r.linkType());
            }
        }
        assertEquals(pcap.length, end);
        assertTrue(records > 1000, records + " records");
        assertTrue(pcap.length >= 3_000_000, pcap.length + " bytes");
    }

    @Test
    void sizesAreWrittenInPowersOfTen() {
        assertEquals(5_000_000, GenerateCapture.parseSize("5M"));
        assertEquals(1_000_000_000, GenerateCapture.parseSize("1G"));
        assertEquals(1_500_000_000, GenerateCapture.parseSize("1.5g"));
        assertEquals(123, GenerateCapture.parseSize("123"));
    }
}
