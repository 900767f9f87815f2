package io.jdissect.output;

import io.jdissect.api.Packet;
import io.jdissect.api.Tvb;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * tshark's hex and ASCII dump ({@code -x}): 16 bytes a line as {@code 0010  00 3c 15 1d …   .<..},
 * offsets with 4 hex digits (more for sources over 64 KiB), non-printable bytes as dots. A packet
 * with several data sources (the frame and reassembled or decoded buffers) gets one dump per source,
 * each headed {@code Frame (379 bytes):}, {@code Reassembled SMTP (308 bytes):}.
 */
public final class HexDump {
    private static final int PER_LINE = 16;
    private static final int ASCII_COLUMN = 2 + PER_LINE * 3 + 2;

    private HexDump() {
    }

    /** Dumps every data source of the packet, with headings when there is more than one. */
    public static void writePacket(Writer out, Packet packet) throws IOException {
        List<Tvb> sources = dataSources(packet);
        boolean headings = sources.size() > 1;
        for (Tvb src : sources) {
            if (headings) {
                out.write(src.sourceName() + " (" + src.length() + " byte" + (src.length() == 1 ? "" : "s") + "):\n");
            }
            write(out, src.array(), src.arrayOffset(), src.length());
        }
    }

    /** The data sources the packet's items point into, the frame first, in order of first use. */
    static List<Tvb> dataSources(Packet packet) {
        Map<Tvb, Boolean> seen = new IdentityHashMap<>();
        List<Tvb> out = new ArrayList<>(2);
        packet.tree().forEachDescendant(item -> {
            Tvb t = item.tvb();
            if (t != null && seen.put(t.source(), Boolean.TRUE) == null) {
                out.add(t.source());
            }
        });
        return out;
    }

    /** Dumps {@code len} bytes of {@code data} from {@code off}, offsets counted from 0. */
    public static void write(Writer out, byte[] data, int off, int len) throws IOException {
        int digits = len > 0xffffff ? 8 : len > 0xfffff ? 6 : len > 0xffff ? 5 : 4;
        StringBuilder line = new StringBuilder(ASCII_COLUMN + PER_LINE + digits + 1);
        for (int start = 0; start < len; start += PER_LINE) {
            line.setLength(0);
            String offset = Integer.toHexString(start);
            for (int i = offset.length(); i < digits; i++) {
                line.append('0');
            }
            line.append(offset).append("  ");
            int n = Math.min(PER_LINE, len - start);
            for (int i = 0; i < n; i++) {
                int b = data[off + start + i] & 0xff;
                line.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16)).append(' ');
            }
            for (int i = n; i < PER_LINE; i++) {
                line.append("   ");
            }
            line.append("  ");
            for (int i = 0; i < n; i++) {
                int b = data[off + start + i] & 0xff;
                line.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.write(line.append('\n').toString());
        }
    }
}
