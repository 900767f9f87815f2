package io.jdissect.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pcapng output, little-endian, one section: a Section Header Block, then each input interface's
 * Interface Description Block (link type, snap length, if_name, if_description and if_tsresol as
 * the input's) just before its first packet, and an Enhanced Packet Block per packet (with its
 * comment). Block layouts: draft-ietf-opsawg-pcapng sections 4.1, 4.2 and 4.3.
 */
final class PcapngWriter implements CaptureWriter {
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int OPT_END = 0;
    private static final int OPT_COMMENT = 1;
    private static final int IF_NAME = 2;
    private static final int IF_DESCRIPTION = 3;
    private static final int IF_TSRESOL = 9;

    private final OutputStream out;
    /** Output interface id by input (section, interface id): one IDB per input interface. */
    private final Map<Long, Integer> interfaceIds = new HashMap<>();
    private final Map<Integer, Long> unitsById = new HashMap<>();
    private boolean started;

    PcapngWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(CaptureRecord record, List<CaptureInterface> interfaces) throws IOException {
        start();
        long key = ((long) record.sectionNumber() << 32) | (record.interfaceId() & 0xffffffffL);
        Integer id = interfaceIds.get(key);
        if (id == null) {
            CaptureInterface iface = CaptureWriter.interfaceOf(record, interfaces);
            id = interfaceIds.size();
            interfaceIds.put(key, id);
            unitsById.put(id, iface.unitsPerSecond());
            writeInterface(iface);
        }
        long ts = CaptureWriter.timestampUnits(record, unitsById.get(id));
        ByteArrayOutputStream body = new ByteArrayOutputStream(20 + record.capturedLength() + 8);
        ByteBuffer b = le(20);
        b.putInt(id).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(record.capturedLength())
                .putInt(record.originalLength());
        body.write(b.array());
        body.write(record.data(), 0, record.capturedLength());
        pad(body);
        if (record.comment() != null) {
            option(body, OPT_COMMENT, record.comment().getBytes(StandardCharsets.UTF_8));
            option(body, OPT_END, new byte[0]);
        }
        block(EPB, body.toByteArray());
    }

    private void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        ByteBuffer b = le(16);
        b.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L); // section length unknown
        block(SHB, b.array());
    }

    private void writeInterface(CaptureInterface iface) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer b = le(8);
        b.putShort((short) iface.linkType()).putShort((short) 0).putInt((int) iface.snapLength());
        body.write(b.array());
        if (iface.name() != null) {
            option(body, IF_NAME, iface.name().getBytes(StandardCharsets.UTF_8));
        }
        if (iface.description() != null) {
            option(body, IF_DESCRIPTION, iface.description().getBytes(StandardCharsets.UTF_8));
        }
        option(body, IF_TSRESOL, new byte[] {tsresol(iface.unitsPerSecond())});
        option(body, OPT_END, new byte[0]);
        block(IDB, body.toByteArray());
    }

    /** if_tsresol: 10^-n seconds, or 2^-n with the top bit set (draft section 4.2). */
    private static byte tsresol(long unitsPerSecond) {
        int n = 0;
        long u = 1;
        while (u < unitsPerSecond && n < 19) {
            u *= 10;
            n++;
        }
        if (u == unitsPerSecond) {
            return (byte) n;
        }
        return (byte) (0x80 | Long.numberOfTrailingZeros(unitsPerSecond));
    }

    private static void option(ByteArrayOutputStream body, int code, byte[] value) throws IOException {
        int length = Math.min(value.length, 0xffff); // an option's length is 16 bits
        ByteBuffer b = le(4);
        b.putShort((short) code).putShort((short) length);
        body.write(b.array());
        body.write(value, 0, length);
        pad(body);
    }

    private static void pad(ByteArrayOutputStream body) {
        while (body.size() % 4 != 0) {
            body.write(0);
        }
    }

    private void block(int type, byte[] body) throws IOException {
        int total = 12 + body.length;
        out.write(le(8).putInt(type).putInt(total).array());
        out.write(body);
        out.write(le(4).putInt(total).array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A file without packets is still a valid pcapng file (a section header alone). */
    @Override
    public void close() throws IOException {
        try {
            start();
            out.flush();
        } finally {
            out.close();
        }
    }
}
