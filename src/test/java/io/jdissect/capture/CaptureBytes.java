package io.jdissect.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds small pcap and pcapng files in memory for the reader tests. */
final class CaptureBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    CaptureBytes(ByteOrder order) {
        this.order = order;
    }

    static CaptureBytes pcap(ByteOrder order, boolean nanoseconds, int linkType) {
        CaptureBytes b = new CaptureBytes(order);
        return b.u32(nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4).u16(2).u16(4).u32(0).u32(0).u32(65535).u32(linkType);
    }

    CaptureBytes record(long seconds, long fraction, byte[] data, int originalLength) {
        return u32((int) seconds).u32((int) fraction).u32(data.length).u32(originalLength).bytes(data);
    }

    CaptureBytes sectionHeader() {
        return block(0x0A0D0D0A, body().u32(0x1A2B3C4D).u16(1).u16(0).u64(-1).build());
    }

    CaptureBytes interfaceDescription(int linkType, String name, Integer tsresol) {
        CaptureBytes body = body().u16(linkType).u16(0).u32(0);
        if (name != null) {
            body.option(2, name.getBytes(StandardCharsets.UTF_8));
        }
        if (tsresol != null) {
            body.option(9, new byte[] {(byte) (int) tsresol});
        }
        if (name != null || tsresol != null) {
            body.option(0, new byte[0]);
        }
        return block(1, body.build());
    }

    CaptureBytes enhancedPacket(int iface, long units, byte[] data) {
        return block(6, body().u32(iface).u32((int) (units >>> 32)).u32((int) units).u32(data.length).u32(data.length)
                .bytes(data).pad(data.length).build());
    }

    /** An Enhanced Packet Block with an opt_comment option. */
    CaptureBytes enhancedPacket(int iface, long units, byte[] data, String comment) {
        return block(6, body().u32(iface).u32((int) (units >>> 32)).u32((int) units).u32(data.length).u32(data.length)
                .bytes(data).pad(data.length).option(1, comment.getBytes(StandardCharsets.UTF_8)).option(0, new byte[0])
                .build());
    }

    /** An Enhanced Packet Block with an epb_flags option of the given bytes (4, normally). */
    CaptureBytes enhancedPacketWithFlags(int iface, long units, byte[] data, byte[] flags) {
        return block(6, body().u32(iface).u32((int) (units >>> 32)).u32((int) units).u32(data.length).u32(data.length)
                .bytes(data).pad(data.length).option(2, flags).option(0, new byte[0]).build());
    }

    CaptureBytes simplePacket(byte[] data) {
        return block(3, body().u32(data.length).bytes(data).pad(data.length).build());
    }

    CaptureBytes block(int type, byte[] body) {
        int length = 12 + body.length;
        return u32(type).u32(length).bytes(body).u32(length);
    }

    private CaptureBytes body() {
        return new CaptureBytes(order);
    }

    private CaptureBytes option(int code, byte[] value) {
        return u16(code).u16(value.length).bytes(value).pad(value.length);
    }

    private CaptureBytes pad(int len) {
        return bytes(new byte[(4 - len % 4) % 4]);
    }

    CaptureBytes u16(int v) {
        return bytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
    }

    CaptureBytes u32(int v) {
        return bytes(ByteBuffer.allocate(4).order(order).putInt(v).array());
    }

    CaptureBytes u64(long v) {
        return bytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
    }

    CaptureBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }
}
