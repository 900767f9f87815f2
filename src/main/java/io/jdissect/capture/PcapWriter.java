package io.jdissect.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Classic pcap output, little-endian: microsecond magic {@code a1b2c3d4}, or the nanosecond one
 * {@code a1b23c4d} when the first packet's interface has nanosecond resolution. The file header
 * holds one link type, so packets of a second link type are refused (use pcapng).
 */
final class PcapWriter implements CaptureWriter {
    private static final int MAGIC_USEC = 0xa1b2c3d4;
    private static final int MAGIC_NSEC = 0xa1b23c4d;
    private static final int DEFAULT_SNAPLEN = 262144;

    private final OutputStream out;
    private CaptureInterface header;

    PcapWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(CaptureRecord record, List<CaptureInterface> interfaces) throws IOException {
        CaptureInterface iface = CaptureWriter.interfaceOf(record, interfaces);
        if (header == null) {
            writeHeader(iface);
        } else if (header.linkType() != iface.linkType()) {
            throw new IOException("pcap can't hold packets of link types " + header.linkType() + " and "
                    + iface.linkType() + " in one file: write pcapng (-F pcapng)");
        }
        long units = header.unitsPerSecond();
        long ts = CaptureWriter.timestampUnits(record, units);
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) Math.floorDiv(ts, units)).putInt((int) Math.floorMod(ts, units));
        b.putInt(record.capturedLength()).putInt(record.originalLength());
        out.write(b.array());
        out.write(record.data(), 0, record.capturedLength());
    }

    private void writeHeader(CaptureInterface iface) throws IOException {
        boolean nsec = iface.unitsPerSecond() == 1_000_000_000L;
        header = new CaptureInterface(iface.linkType(), iface.snapLength(), nsec ? 1_000_000_000L : 1_000_000L, null,
                null);
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(nsec ? MAGIC_NSEC : MAGIC_USEC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
        b.putInt((int) (iface.snapLength() > 0 ? iface.snapLength() : DEFAULT_SNAPLEN)).putInt(iface.linkType());
        out.write(b.array());
    }

    /** A file without packets still gets its header, with the first interface's link type (else Ethernet). */
    @Override
    public void close() throws IOException {
        try {
            if (header == null) {
                writeHeader(new CaptureInterface(1, DEFAULT_SNAPLEN, 1_000_000L, null, null));
            }
            out.flush();
        } finally {
            out.close();
        }
    }
}
