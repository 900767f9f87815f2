package io.jdissect.capture;

import io.jdissect.api.Timestamp;
import io.jdissect.kaitai.PcapFileHeader;
import io.jdissect.kaitai.PcapRecordHeader;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.kaitai.struct.ByteBufferKaitaiStream;

import java.io.IOException;
import java.util.List;

/**
 * Reads libpcap files: a 24-byte file header, then records of a 16-byte header and the packet
 * bytes. Both byte orders and both timestamp resolutions (microseconds, nanoseconds) are
 * recognised by the magic number. Headers are parsed with the Kaitai-generated classes; the
 * record loop reads one header and one packet at a time.
 */
final class PcapReader implements CaptureReader {
    private static final int FILE_HEADER_LEN = 24;
    private static final int RECORD_HEADER_LEN = 16;

    private final CaptureInput in;
    private final boolean littleEndian;
    private final boolean nanosecond;
    private final int linkType;
    private final List<CaptureInterface> interfaces;
    private final byte[] recordHeader = new byte[RECORD_HEADER_LEN];
    /** Every record header is parsed through this one stream (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream recordIo = new ArrayKaitaiStream();
    private boolean done;

    static boolean isMagic(int bigEndianMagic) {
        return bigEndianMagic == 0xa1b2c3d4 || bigEndianMagic == 0xd4c3b2a1
                || bigEndianMagic == 0xa1b23c4d || bigEndianMagic == 0x4d3cb2a1;
    }

    /** {@code magic} holds the 4 bytes already read from {@code in}. */
    PcapReader(CaptureInput in, byte[] magic) throws IOException {
        this.in = in;
        byte[] header = new byte[FILE_HEADER_LEN];
        System.arraycopy(magic, 0, header, 0, magic.length);
        if (in.read(header, magic.length, FILE_HEADER_LEN - magic.length) < FILE_HEADER_LEN - magic.length) {
            throw new CaptureException(in.name(), 0, "appears to have been cut short in the middle of a packet or other data");
        }
        int be = ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
        littleEndian = be == 0xd4c3b2a1 || be == 0x4d3cb2a1;
        PcapFileHeader h = new PcapFileHeader(new ByteBufferKaitaiStream(header), littleEndian);
        nanosecond = h.nanosecond();
        linkType = h.linkType().intValue();
        LinkTypeCheck.requireKnown(in.name(), 20, linkType);
        interfaces = List.of(new CaptureInterface(linkType, h.snaplen(),
                nanosecond ? 1_000_000_000L : 1_000_000L, null, null));
    }

    @Override
    public CaptureRecord next() throws IOException {
        if (done) {
            return null;
        }
        long start = in.position();
        int n = in.read(recordHeader, 0, RECORD_HEADER_LEN);
        if (n == 0) {
            done = true;
            return null;
        }
        try {
            if (n < RECORD_HEADER_LEN) {
                throw in.cutShort(start);
            }
            PcapRecordHeader h = new PcapRecordHeader(recordIo.reset(recordHeader, 0, RECORD_HEADER_LEN), littleEndian);
            long caplen = h.inclLen();
            if (caplen > MaxPacketSize.BYTES) {
                throw in.corrupt(start, "pcap: File has " + caplen + "-byte packet, bigger than maximum of "
                        + MaxPacketSize.BYTES);
            }
            byte[] data = in.readRecord((int) caplen, start);
            long frac = h.tsFrac();
            long nanos = nanosecond ? frac : frac * 1000L;
            Timestamp ts = new Timestamp(h.tsSec(), (int) Math.min(nanos, Integer.MAX_VALUE));
            // A record can claim fewer bytes on the wire than it stores; tshark shows them as given.
            int origLen = (int) Math.min(h.origLen(), Integer.MAX_VALUE);
            return new CaptureRecord(ts, -1, linkType, origLen, data, (int) caplen, start, null);
        } catch (CaptureException e) {
            done = true;
            throw e;
        }
    }

    @Override
    public void reuseRecordBytes() {
        in.reuseRecordBytes();
    }

    @Override
    public String formatName() {
        return nanosecond ? "nsecpcap" : "pcap";
    }

    @Override
    public List<CaptureInterface> interfaces() {
        return interfaces;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
