package io.jdissect.capture;

import io.jdissect.api.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pcap and pcapng readers on small files built here: byte orders, timestamp resolutions,
 * several interfaces and sections, skipped blocks, and damaged files (which must give one-line
 * messages with the byte offset, after returning the records before the damage).
 */
class CaptureReadersTest {
    private static final byte[] PACKET = "0123456789abcdef".getBytes();
    private static final int ETHERNET = 1;
    private static final int RAW = 101;

    private static List<CaptureRecord> readAll(CaptureReader reader) throws IOException {
        List<CaptureRecord> out = new ArrayList<>();
        for (CaptureRecord r; (r = reader.next()) != null; ) {
            out.add(r);
        }
        return out;
    }

    private static CaptureReader open(byte[] file) throws IOException {
        return CaptureFiles.open(new ByteArrayInputStream(file), "test.cap");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"LITTLE_ENDIAN,false", "BIG_ENDIAN,false", "LITTLE_ENDIAN,true", "BIG_ENDIAN,true"})
    void pcapInBothByteOrdersAndResolutions(String order, boolean nanoseconds) throws IOException {
        ByteOrder bo = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = CaptureBytes.pcap(bo, nanoseconds, ETHERNET)
                .record(1_700_000_000L, nanoseconds ? 123_456_789 : 123_456, PACKET, 60)
                .record(1_700_000_001L, 5, PACKET, PACKET.length).build();
        try (CaptureReader reader = open(file)) {
            assertEquals(nanoseconds ? "nsecpcap" : "pcap", reader.formatName());
            List<CaptureRecord> records = readAll(reader);
            assertEquals(2, records.size());
            CaptureRecord first = records.get(0);
            assertEquals(new Timestamp(1_700_000_000L, nanoseconds ? 123_456_789 : 123_456_000), first.timestamp());
            assertEquals(60, first.originalLength());
            assertEquals(PACKET.length, first.capturedLength());
            assertArrayEquals(PACKET, first.data());
            assertEquals(ETHERNET, first.linkType());
            assertEquals(-1, first.interfaceId());
            assertEquals(24, first.fileOffset());
            assertEquals(new Timestamp(1_700_000_001L, nanoseconds ? 5 : 5_000), records.get(1).timestamp());
        }
    }

    @Test
    void pcapngWithTwoInterfacesResolutionsSectionsAndSkippedBlocks() throws IOException {
        byte[] first = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).sectionHeader()
                .interfaceDescription(ETHERNET, "eth0", 9)
                .interfaceDescription(RAW, "tun0", 0x8a)                      // 2^-10 seconds
                .block(0x777, new byte[8])                                    // unknown: skipped
                .enhancedPacket(0, 1_700_000_000_123_456_789L, PACKET)
                .enhancedPacket(1, (1_700_000_001L << 10) | 256, PACKET)      // .25 s
                .simplePacket(PACKET)
                .build();
        byte[] second = new CaptureBytes(ByteOrder.BIG_ENDIAN).sectionHeader()
                .interfaceDescription(ETHERNET, null, null)                   // microseconds
                .enhancedPacket(0, 1_700_000_003_000_002L, PACKET)
                .enhancedPacket(0, -1L, PACKET)                               // 2^64 - 1 microseconds: unsigned
                .build();
        byte[] file = concat(first, second);
        try (CaptureReader reader = open(file)) {
            assertEquals("pcapng", reader.formatName());
            List<CaptureRecord> records = readAll(reader);
            assertEquals(5, records.size());
            assertEquals(new Timestamp(1_700_000_000L, 123_456_789), records.get(0).timestamp());
            assertEquals(ETHERNET, records.get(0).linkType());
            assertEquals(new Timestamp(1_700_000_001L, 250_000_000), records.get(1).timestamp());
            assertEquals(RAW, records.get(1).linkType());
            assertEquals(1, records.get(1).interfaceId());
            assertFalse(records.get(2).hasTimestamp(), "a simple packet has no time");
            assertEquals(0, records.get(2).interfaceId());
            assertEquals(2, records.get(3).sectionNumber());
            assertEquals(new Timestamp(1_700_000_003L, 2_000), records.get(3).timestamp());
            assertEquals(new Timestamp(18_446_744_073_709L, 551_615_000), records.get(4).timestamp());
            assertEquals(List.of("eth0", "tun0"), reader.interfaces().subList(0, 2).stream().map(CaptureInterface::name).toList());
            assertEquals(3, reader.interfaces().size());
        }
    }

    @Test
    void recordsBeforeACutAreReturnedThenTheCutIsNamed() throws IOException {
        byte[] whole = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, ETHERNET)
                .record(1, 0, PACKET, PACKET.length).record(2, 0, PACKET, PACKET.length).build();
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        try (CaptureReader reader = open(cut)) {
            assertTrue(reader.next() != null);
            CaptureException e = assertThrows(CaptureException.class, reader::next);
            assertEquals(24 + 16 + PACKET.length, e.offset());
            assertEquals("The file \"test.cap\" appears to have been cut short in the middle of a packet (at byte offset 56)",
                    e.getMessage());
            assertNull(reader.next(), "nothing is read after the damage");
        }
    }

    /**
     * A record with no captured bytes is a record, not damage (tshark 4.0 shows it as a frame of 0
     * captured bytes and reads on): in pcap and as a pcapng EPB, with and without a wire length,
     * and the record after it is read from the right place.
     */
    @Test
    void zeroLengthRecordsAreRecords() throws IOException {
        byte[] empty = new byte[0];
        byte[] pcap = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, ETHERNET)
                .record(1, 0, empty, 0).record(2, 0, empty, 60).record(3, 0, PACKET, PACKET.length).build();
        CaptureBytes ng = new CaptureBytes(ByteOrder.BIG_ENDIAN);
        byte[] pcapng = ng.sectionHeader().interfaceDescription(ETHERNET, null, null)
                .enhancedPacket(0, 1, empty).enhancedPacket(0, 2, empty).enhancedPacket(0, 3, PACKET).build();
        for (byte[] file : List.of(pcap, pcapng)) {
            try (CaptureReader reader = open(file)) {
                CaptureRecord first = reader.next();
                assertEquals(0, first.capturedLength());
                assertEquals(0, first.originalLength());
                CaptureRecord second = reader.next();
                assertEquals(0, second.capturedLength());
                assertEquals(file == pcap ? 60 : 0, second.originalLength());
                CaptureRecord third = reader.next();
                assertArrayEquals(PACKET, Arrays.copyOf(third.data(), third.capturedLength()));
                assertNull(reader.next());
            }
        }
    }

    @Test
    void hugeRecordLengthIsDamageNotAnAllocation() throws IOException {
        byte[] file = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, ETHERNET)
                .u32(1).u32(0).u32(0xffffffff).u32(60).bytes(PACKET).build();
        try (CaptureReader reader = open(file)) {
            CaptureException e = assertThrows(CaptureException.class, reader::next);
            assertEquals(24, e.offset());
            assertTrue(e.getMessage().contains("4294967295-byte packet, bigger than maximum of 262144"), e.getMessage());
        }
    }

    @Test
    void garbageAfterTheHeaderIsReportedWhereItStarts() throws IOException {
        byte[] file = CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, false, ETHERNET).record(1, 0, PACKET, PACKET.length)
                .bytes("this is not a record header at all, just text".getBytes()).build();
        try (CaptureReader reader = open(file)) {
            assertTrue(reader.next() != null);
            CaptureException e = assertThrows(CaptureException.class, reader::next);
            assertEquals(24 + 16 + PACKET.length, e.offset());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void unknownLinkTypeIsRefusedAsTsharkDoes() {
        byte[] file = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, 999).record(1, 0, PACKET, 16).build();
        CaptureException e = assertThrows(CaptureException.class, () -> open(file));
        assertTrue(e.getMessage().contains("network type 999 unknown or unsupported"), e.getMessage());
    }

    @Test
    void notACaptureFile() {
        CaptureException e = assertThrows(CaptureException.class, () -> open("GET / HTTP/1.1\r\n".getBytes()));
        assertEquals("The file \"test.cap\" isn't a capture file in a format jdissect understands (at byte offset 0)",
                e.getMessage());
    }

    @Test
    void emptyFileIsNotACapture() {
        CaptureException e = assertThrows(CaptureException.class, () -> open(new byte[0]));
        assertEquals("The file \"test.cap\" is empty: it has no capture file header (at byte offset 0)", e.getMessage());
    }

    @Test
    void cutFileHeader() {
        byte[] header = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, ETHERNET).build();
        CaptureException e = assertThrows(CaptureException.class, () -> open(Arrays.copyOf(header, 10)));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        CaptureException missing = assertThrows(CaptureException.class, () -> CaptureFiles.open(dir.resolve("nope.pcap")));
        assertTrue(missing.getMessage().endsWith("doesn't exist (at byte offset 0)"), missing.getMessage());
        CaptureException folder = assertThrows(CaptureException.class, () -> CaptureFiles.open(dir));
        assertTrue(folder.getMessage().contains("is a directory"), folder.getMessage());
    }

    @Test
    void fileIsDetectedByMagicNotByName(@TempDir Path dir) throws IOException {
        Path misnamed = dir.resolve("capture.pcap");
        byte[] pcapng = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).sectionHeader().interfaceDescription(ETHERNET, "x", null)
                .enhancedPacket(0, 1, PACKET).build();
        Files.write(misnamed, pcapng);
        try (CaptureReader reader = CaptureFiles.open(misnamed)) {
            assertEquals("pcapng", reader.formatName());
            assertEquals(1, readAll(reader).size());
        }
    }

    @Test
    void pcapngTrailingLengthMustMatch() throws IOException {
        byte[] good = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).sectionHeader().interfaceDescription(ETHERNET, null, null)
                .enhancedPacket(0, 1, PACKET).enhancedPacket(0, 2, PACKET).build();
        byte[] bad = good.clone();
        bad[bad.length - 4] ^= 0x10;                                           // last block's trailing length
        try (CaptureReader reader = open(bad)) {
            assertTrue(reader.next() != null);
            CaptureException e = assertThrows(CaptureException.class, reader::next);
            assertTrue(e.getMessage().contains("pcapng: total block lengths (first 48 and second 32) don't match"),
                    e.getMessage());
            assertEquals(good.length - 48, e.offset());
        }
    }

    /** epb_flags in the section's byte order; one of another length stops the file as wiretap does. */
    @Test
    void pcapngPacketFlags() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            byte[] word = java.nio.ByteBuffer.allocate(4).order(order).putInt(0x01000082).array();
            byte[] file = new CaptureBytes(order).sectionHeader().interfaceDescription(ETHERNET, null, null)
                    .enhancedPacketWithFlags(0, 1, PACKET, word).enhancedPacket(0, 2, PACKET)
                    .enhancedPacketWithFlags(0, 3, PACKET, new byte[] {1, 0, 0}).build();
            try (CaptureReader reader = open(file)) {
                CaptureRecord flagged = reader.next();
                assertEquals(0x01000082L, flagged.packetFlags(), order.toString());
                assertEquals(4, flagged.fcsLength());
                assertEquals(-1, reader.next().packetFlags());
                CaptureException e = assertThrows(CaptureException.class, reader::next);
                assertTrue(e.getMessage().contains("pcapng: packet block flags option length 3 is not 4"), e.getMessage());
            }
        }
    }

    /**
     * A big file is read ahead (ReadAheadInputStream), and pcapng's packet headers are then parsed in
     * the chunk they were read into: the same records as through a plain stream, at chunk boundaries,
     * after other blocks, with options and in both byte orders.
     */
    @Test
    void pcapngReadAheadGivesTheSameRecords() throws IOException {
        java.util.Random random = new java.util.Random(7);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            CaptureBytes b = new CaptureBytes(order).sectionHeader().interfaceDescription(ETHERNET, "eth0", 9)
                    .interfaceDescription(RAW, null, null);
            for (int i = 0; i < 3000; i++) {
                byte[] data = bytes(random.nextInt(1600), i);
                int kind = random.nextInt(50);
                if (kind == 0) {
                    b.enhancedPacket(1, i, data, "comment " + i);
                } else if (kind == 1) {
                    b.simplePacket(data);
                } else if (kind == 2) {
                    b.block(0x777, new byte[4 * random.nextInt(5)]);              // skipped
                } else {
                    b.enhancedPacket(random.nextInt(2), 1_700_000_000_000_000_000L + i, data);
                }
            }
            file.writeBytes(b.build());
        }
        byte[] bytes = file.toByteArray();
        assertTrue(bytes.length > 4 * ReadAheadInputStream.CHUNK_SIZE, "spans several chunks: " + bytes.length);
        try (CaptureReader plain = open(bytes);
             CaptureReader ahead = CaptureFiles.open(new ReadAheadInputStream(new ByteArrayInputStream(bytes), "t"), "t")) {
            int n = 0;
            for (CaptureRecord p; (p = plain.next()) != null; n++) {
                CaptureRecord a = ahead.next();
                assertEquals(p.timestamp(), a.timestamp(), "record " + n);
                assertEquals(p.interfaceId(), a.interfaceId(), "record " + n);
                assertEquals(p.linkType(), a.linkType(), "record " + n);
                assertEquals(p.fileOffset(), a.fileOffset(), "record " + n);
                assertEquals(p.comment(), a.comment(), "record " + n);
                assertEquals(p.sectionNumber(), a.sectionNumber(), "record " + n);
                assertArrayEquals(Arrays.copyOf(p.data(), p.capturedLength()), Arrays.copyOf(a.data(), a.capturedLength()));
            }
            assertNull(ahead.next());
            assertTrue(n > 5000, "records: " + n);
        }
    }

    /** A damaged trailing length is found where the block starts, whether the block was read ahead or not. */
    @Test
    void pcapngTrailingLengthMustMatchWhenReadAhead() throws IOException {
        CaptureBytes b = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).sectionHeader().interfaceDescription(ETHERNET, null, null);
        for (int i = 0; i < 2000; i++) {
            b.enhancedPacket(0, i, bytes(1000, i));
        }
        byte[] bytes = b.build();
        int blockLength = 12 + 20 + 1000;
        int last = bytes.length - blockLength;
        bytes[bytes.length - 4] ^= 0x10;
        try (CaptureReader reader = CaptureFiles.open(new ReadAheadInputStream(new ByteArrayInputStream(bytes), "t"), "t")) {
            for (int i = 0; i < 1999; i++) {
                assertTrue(reader.next() != null);
            }
            CaptureException e = assertThrows(CaptureException.class, reader::next);
            assertTrue(e.getMessage().contains("pcapng: total block lengths (first 1032 and second 1048) don't match"),
                    e.getMessage());
            assertEquals(last, e.offset());
        }
    }

    @Test
    void pcapngPacketOnUndeclaredInterface() throws IOException {
        byte[] file = new CaptureBytes(ByteOrder.BIG_ENDIAN).sectionHeader().interfaceDescription(ETHERNET, null, null)
                .enhancedPacket(3, 1, PACKET).build();
        try (CaptureReader reader = open(file)) {
            CaptureException e = assertThrows(CaptureException.class, reader::next);
            assertTrue(e.getMessage().contains("interface index 3 is not less than section interface count 1"),
                    e.getMessage());
        }
    }

    @Test
    void pcapngBlockLengthNotAMultipleOfFour() throws IOException {
        byte[] file = concat(new CaptureBytes(ByteOrder.LITTLE_ENDIAN).sectionHeader().build(),
                new CaptureBytes(ByteOrder.LITTLE_ENDIAN).u32(6).u32(33).bytes(new byte[25]).build());
        try (CaptureReader reader = open(file)) {
            CaptureException e = assertThrows(CaptureException.class, reader::next);
            assertTrue(e.getMessage().contains("block length 33"), e.getMessage());
        }
    }

    /**
     * {@link CaptureReader#reuseRecordBytes()}: each record's bytes are the first {@code capturedLength}
     * of one array, which grows for a longer record and is the same array again after; pcapng's
     * options and padding after a packet do not spill into it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"pcap", "pcapng"})
    void reusedRecordBytesHoldEachRecordUntilTheNext(String format) throws IOException {
        byte[][] packets = {bytes(10, 1), bytes(70_000, 2), bytes(5, 3), bytes(3, 4), new byte[0]};
        CaptureBytes b = format.equals("pcap") ? CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, ETHERNET)
                : new CaptureBytes(ByteOrder.LITTLE_ENDIAN).sectionHeader().interfaceDescription(ETHERNET, "eth0", null);
        for (byte[] p : packets) {
            if (format.equals("pcap")) {
                b.record(1, 0, p, p.length);
            } else {
                b.enhancedPacket(0, 1L, p);
            }
        }
        try (CaptureReader reader = open(b.build())) {
            reader.reuseRecordBytes();
            byte[] previous = null;
            for (int i = 0; i < packets.length; i++) {
                CaptureRecord r = reader.next();
                assertEquals(packets[i].length, r.capturedLength());
                assertArrayEquals(packets[i], Arrays.copyOf(r.data(), r.capturedLength()), "record " + i);
                if (i >= 3) {
                    assertTrue(r.data() == previous, "record " + i + " reuses the array");
                }
                previous = r.data();
            }
            assertNull(reader.next());
        }
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** A capture far larger than any buffer is read as a stream: one record at a time. */
    @Test
    void largeStreamIsReadRecordByRecord() throws IOException {
        int records = 100_000;
        byte[] header = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, ETHERNET).build();
        byte[] record = new CaptureBytes(ByteOrder.LITTLE_ENDIAN).record(1, 0, new byte[1000], 1000).build();
        var in = new java.io.SequenceInputStream(new ByteArrayInputStream(header), new java.io.InputStream() {
            private long left = (long) records * record.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                long pos = (long) records * record.length - left;
                for (int i = 0; i < n; i++) {
                    b[off + i] = record[(int) ((pos + i) % record.length)];
                }
                left -= n;
                return n;
            }
        });
        try (CaptureReader reader = CaptureFiles.open(in, "stream")) {
            long n = 0;
            while (reader.next() != null) {
                n++;
            }
            assertEquals(records, n);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
