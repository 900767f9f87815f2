package io.jdissect.output;

import io.jdissect.api.Packet;
import io.jdissect.api.TreeItem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * tshark's text output: the one-line summary per packet (the default), the packet tree
 * ({@code -V}, optionally expanding only the protocols of {@code -O}), and the hex dump
 * ({@code -x}), in tshark's order and spacing.
 *
 * <pre>{@code
 * TextWriter w = new TextWriter(System.out, new OutputOptions(), TextWriter.Parts.DETAILS);
 * for (Packet p : packets) w.write(p);
 * w.finish();
 * }</pre>
 */
public final class TextWriter implements PacketWriter {
    /** Which parts of a packet are printed. */
    public record Parts(boolean summary, boolean details, boolean hex) {
        public static final Parts SUMMARY = new Parts(true, false, false);
        public static final Parts DETAILS = new Parts(false, true, false);
    }

    private static final String INDENT = "    ";

    private final Writer out;
    private final OutputOptions options;
    private final Parts parts;

    public TextWriter(OutputStream out, OutputOptions options, Parts parts) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.options = options;
        this.parts = parts;
    }

    @Override
    public void write(Packet packet) throws IOException {
        if (parts.summary()) {
            out.write(summaryLine(packet, options.columns()));
            out.write('\n');
        }
        if (parts.details()) {
            for (TreeItem layer : packet.layers()) {
                printItem(layer, 0);
            }
            if (!parts.hex()) {
                out.write('\n');
            }
        }
        if (parts.hex()) {
            if (parts.summary() || parts.details()) {
                out.write('\n');
            }
            HexDump.writePacket(out, packet);
            out.write('\n');
        }
        options.columns().displayed(packet);
    }

    private void printItem(TreeItem item, int level) throws IOException {
        if (item.isHidden() || !options.shows(item)) {
            return;
        }
        for (int i = 0; i < level; i++) {
            out.write(INDENT);
        }
        out.write(TreeLabels.displayLine(item));
        out.write('\n');
        Set<String> only = options.expandOnly();
        if (level == 0 && only != null && (item.def() == null || !only.contains(item.def().abbrev()))) {
            return;
        }
        if (isData(item) && !parts.hex()) {
            // tshark dumps undissected data in hex under its line unless the whole packet is dumped.
            byte[] b = item.itemBytes();
            if (b.length > 0) {
                out.write('\n');
                HexDump.write(out, b, 0, b.length);
            }
        }
        for (int i = 0, n = item.childCount(); i < n; i++) {
            printItem(item.child(i), level + 1);
        }
    }

    private static boolean isData(TreeItem item) {
        return item.def() != null && item.def().isProtocol() && item.def().abbrev().equals("data");
    }

    /**
     * The summary line: No. right-aligned in 5, Time right-aligned in 10, Source right-aligned in
     * 12, an arrow, Destination left-aligned in 12, then Protocol, Length and Info, single spaces
     * between (tshark's print_columns).
     */
    public static String summaryLine(Packet p, SummaryColumns columns) {
        StringBuilder sb = new StringBuilder(160);
        pad(sb, columns.column(p, "No."), 5, true);
        sb.append(' ');
        pad(sb, columns.column(p, "Time"), 10, true);
        sb.append(' ');
        pad(sb, columns.column(p, "Source"), 12, true);
        sb.append(" \u2192 ");
        pad(sb, columns.column(p, "Destination"), 12, false);
        sb.append(' ').append(columns.column(p, "Protocol"));
        sb.append(' ').append(columns.column(p, "Length"));
        sb.append(' ').append(columns.column(p, "Info"));
        return sb.toString();
    }

    private static void pad(StringBuilder sb, String text, int width, boolean right) {
        int spaces = Math.max(0, width - text.length());
        if (!right) {
            sb.append(text);
        }
        sb.append(" ".repeat(spaces));
        if (right) {
            sb.append(text);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
