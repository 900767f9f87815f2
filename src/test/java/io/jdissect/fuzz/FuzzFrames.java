package io.jdissect.fuzz;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.api.TreeItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz input as frames of one link type, so the fuzzer spends its work inside the dissectors
 * rather than on the capture-file framing: byte 0 picks the link type from {@link #LINK_TYPES},
 * then each frame is a 2-byte big-endian length and that many bytes (fewer at the end). The seeds
 * ({@code scripts/fuzz-seeds.py}) are the frames of the captures in {@code testdata/} in this form.
 */
final class FuzzFrames {
    /**
     * Ethernet, BSD NULL, LOOP, raw IP, raw IPv4, raw IPv6, Linux SLL, SLL2, FDDI (an unknown link
     * type is a file-level fault, refused by the reader: CaptureFuzzTest's business). New types go
     * at the end, so that the selector byte of the committed seeds keeps its meaning.
     */
    static final int[] LINK_TYPES = {1, 0, 108, 101, 228, 229, 113, 276, 10};
    private static final int MAX_FRAMES = 64;

    private FuzzFrames() {
    }

    /** The fuzz input as a pcap file. */
    static byte[] pcap(byte[] data) {
        int linkType = data.length == 0 ? 1 : LINK_TYPES[(data[0] & 0xFF) % LINK_TYPES.length];
        List<byte[]> frames = new ArrayList<>();
        int at = 1;
        while (at + 2 <= data.length && frames.size() < MAX_FRAMES) {
            int len = ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
            at += 2;
            int take = Math.min(len, data.length - at);
            byte[] f = new byte[take];
            System.arraycopy(data, at, f, 0, take);
            frames.add(f);
            at += take;
        }
        return pcap(linkType, frames);
    }

    /** A microsecond pcap of {@code frames}, one per second. */
    static byte[] pcap(int linkType, List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(linkType);
        out.writeBytes(h.array());
        int second = 0;
        for (byte[] f : frames) {
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt(1_700_000_000 + second++).putInt(0).putInt(f.length).putInt(f.length);
            out.writeBytes(r.array());
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    /** Every packet of a capture made by this class (it is always readable). */
    static List<Packet> dissect(JDissect jd, byte[] pcap) {
        List<Packet> packets = new ArrayList<>();
        try (PacketStream s = jd.open(pcap)) {
            Packet p;
            while ((p = s.next()) != null) {
                packets.add(p);
            }
        } catch (IOException e) {
            throw new AssertionError("a well-formed pcap was refused: " + e.getMessage(), e);
        }
        return packets;
    }

    /**
     * Fails when a dissector threw something other than a read past the end: contained, it still
     * is a bug ({@code [Malformed Packet: X] (SomeException: …)}).
     */
    static void assertNoDissectorBug(Packet p) {
        for (TreeItem m : p.fields("_ws.malformed")) {
            String text = m.text();
            if (text != null && text.contains("] (")) {
                throw new AssertionError("frame " + p.number() + ": dissector bug " + text);
            }
        }
    }
}
