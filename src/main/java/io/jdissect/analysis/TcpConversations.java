package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.Timestamp;
import io.jdissect.protocols.tcp.TcpInfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -z conv,tcp}: one row per TCP stream in tshark 4.0's layout (ui/cli/tap-iousers.c):
 * side A is the source of the stream's first packet, "->" counts A's frames and "<-" B's, rows by
 * total frames (most first, ties in order of appearance), start relative to the first frame.
 */
public final class TcpConversations implements Analyzer {
    private final TapFilter tapFilter;

    TcpConversations(TapFilter tapFilter) {
        this.tapFilter = tapFilter;
    }

    /** TCP's layer (a connection's state is kept only when something reads it) and what the tap's filter reads. */
    @Override
    public Set<String> fieldsRead() {
        return tapFilter.fieldsReadWith("tcp");
    }

    private static final String RULE = "=".repeat(80);
    private final Map<Integer, Conversation> conversations = new LinkedHashMap<>();

    /** One conversation's counters. */
    private static final class Conversation {
        final String a;
        final String b;
        long framesAtoB;
        long bytesAtoB;
        long framesBtoA;
        long bytesBtoA;
        final Timestamp start;
        Timestamp stop;

        Conversation(String a, String b, Timestamp start) {
            this.a = a;
            this.b = b;
            this.start = start;
            this.stop = start;
        }

        long frames() {
            return framesAtoB + framesBtoA;
        }

        double duration() {
            return stop.toNanos() / 1e9 - start.toNanos() / 1e9;
        }
    }

    @Override
    public void packet(Packet p) {
        TcpInfo tcp = p.info().get(TcpInfo.class);
        if (tcp == null || tcp.stream() < 0 || Layers.inErrorPacket(p) || !tapFilter.passes(p)) {
            return;
        }
        String src = p.info().netSrc() + ":" + p.info().srcPort();
        String dst = p.info().netDst() + ":" + p.info().dstPort();
        Timestamp rel = p.info().relativeTime();
        Conversation c = conversations.computeIfAbsent(tcp.stream(), s -> new Conversation(src, dst, rel));
        long len = p.record().originalLength();
        if (c.a.equals(src) && c.b.equals(dst)) {
            c.framesAtoB++;
            c.bytesAtoB += len;
        } else {
            c.framesBtoA++;
            c.bytesBtoA += len;
        }
        if (rel.compareTo(c.stop) > 0) {
            c.stop = rel;
        }
    }

    private List<Conversation> sorted() {
        List<Conversation> rows = new ArrayList<>(conversations.values());
        rows.sort(Comparator.comparingLong(Conversation::frames).reversed());
        return rows;
    }

    @Override
    public Report report() {
        List<Conversation> rows = sorted();
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                out.print(RULE + "\nTCP Conversations\nFilter:" + Layers.filterHeader(tapFilter) + "\n");
                String pad = " ".repeat(59);
                out.print(pad + "|       <-      | |       ->      | |     Total     |    Relative    |   Duration   |\n");
                out.print(pad + "| Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |\n");
                for (Conversation c : rows) {
                    if (c.frames() == 0) {
                        continue;
                    }
                    out.print(String.format("%-26s <-> %-26s", c.a, c.b));
                    out.print(String.format("  %6d %-9s  %6d %-9s  %6d %-9s  ", c.framesBtoA, SizeFormat.bytes(c.bytesBtoA),
                            c.framesAtoB, SizeFormat.bytes(c.bytesAtoB), c.frames(),
                            SizeFormat.bytes(c.bytesAtoB + c.bytesBtoA)));
                    out.print(String.format("%14.9f   %12.4f\n", c.start.toNanos() / 1e9, c.duration()));
                }
                out.print(RULE + "\n");
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartArray();
                for (Conversation c : rows) {
                    g.writeStartObject();
                    g.writeStringField("a", c.a);
                    g.writeStringField("b", c.b);
                    g.writeNumberField("frames_a_to_b", c.framesAtoB);
                    g.writeNumberField("bytes_a_to_b", c.bytesAtoB);
                    g.writeNumberField("frames_b_to_a", c.framesBtoA);
                    g.writeNumberField("bytes_b_to_a", c.bytesBtoA);
                    g.writeNumberField("frames", c.frames());
                    g.writeNumberField("bytes", c.bytesAtoB + c.bytesBtoA);
                    g.writeStringField("relative_start", c.start.toSecondsString());
                    g.writeStringField("duration", c.stop.minus(c.start).toSecondsString());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        };
    }

    /** Makes {@code conv,tcp} analyzers. */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "conv,tcp";
        }

        @Override
        public String description() {
            return "TCP conversations (tshark's layout)";
        }

        @Override
        public Analyzer create(String args) {
            return create(args, null);
        }

        /** {@code conv,tcp[,FILTER]}: the rest of the argument is the tap's display filter. */
        @Override
        public Analyzer create(String args, FieldRegistry fields) {
            return new TcpConversations(Layers.tapFilter(name(), "conversations", args, fields));
        }
    }
}
