package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.Endpoint;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.TreeItem;
import io.jdissect.protocols.tcp.TcpInfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -z follow,tcp,ascii,N}: the payload of TCP stream N as the two sides sent it, in tshark
 * 4.0's layout (ui/cli/tap-follow.c): node 0 is the source of the stream's first packet; each
 * segment that brings new bytes is one chunk, its length on a line of its own (indented with a tab
 * for node 1), then its bytes (printable ASCII, CR and LF as they are, anything else '.').
 * Retransmitted bytes are left out by their sequence numbers.
 */
public final class FollowTcp implements Analyzer {
    private static final String RULE = "=".repeat(67);
    private final int stream;
    private Endpoint node0;
    private Endpoint node1;
    /** Next relative sequence number expected from node 0 and node 1; -1 before their first segment. */
    private final long[] next = {-1, -1};
    private final List<Chunk> chunks = new ArrayList<>();

    private record Chunk(int node, long frame, byte[] data) {
    }

    FollowTcp(int stream) {
        this.stream = stream;
    }

    @Override
    public void packet(Packet p) {
        TcpInfo tcp = p.info().get(TcpInfo.class);
        if (tcp == null || tcp.stream() != stream || Layers.inErrorPacket(p)) {
            return;
        }
        Endpoint src = new Endpoint(p.info().netSrc(), p.info().srcPort());
        if (node0 == null) {
            node0 = src;
            node1 = new Endpoint(p.info().netDst(), p.info().dstPort());
        }
        TreeItem payload = p.first("tcp.payload");
        if (payload == null) {
            return;
        }
        int node = src.equals(node0) ? 0 : 1;
        byte[] bytes = payload.itemBytes();
        long seq = tcp.seq();
        int skip = 0;
        if (next[node] >= 0 && seq < next[node]) {
            skip = (int) Math.min(bytes.length, next[node] - seq);
        }
        next[node] = Math.max(next[node], seq + bytes.length);
        if (skip < bytes.length) {
            byte[] fresh = skip == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
            chunks.add(new Chunk(node, p.number(), fresh));
        }
    }

    private static String ascii(byte[] data) {
        StringBuilder b = new StringBuilder(data.length);
        for (byte x : data) {
            b.append(x == '\r' || x == '\n' || (x >= 0x20 && x < 0x7f) ? (char) x : '.');
        }
        return b.toString();
    }

    private static String node(Endpoint e) {
        return e == null ? ":0" : e.toString();
    }

    @Override
    public Report report() {
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                out.print("\n" + RULE + "\nFollow: tcp,ascii\nFilter: tcp.stream eq " + stream + "\n");
                out.print("Node 0: " + node(node0) + "\nNode 1: " + node(node1) + "\n");
                for (Chunk c : chunks) {
                    out.print((c.node == 1 ? "\t" : "") + c.data.length + "\n" + ascii(c.data) + "\n");
                }
                out.print(RULE + "\n");
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartObject();
                g.writeNumberField("stream", stream);
                g.writeStringField("node0", node0 == null ? null : node0.toString());
                g.writeStringField("node1", node1 == null ? null : node1.toString());
                g.writeArrayFieldStart("chunks");
                for (Chunk c : chunks) {
                    g.writeStartObject();
                    g.writeNumberField("node", c.node);
                    g.writeNumberField("frame", c.frame);
                    g.writeStringField("data", new String(c.data, StandardCharsets.ISO_8859_1));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        };
    }

    /** Makes {@code follow,tcp,ascii,N} analyzers (ascii mode only). */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "follow,tcp";
        }

        @Override
        public String description() {
            return "a TCP stream's payload as typed: follow,tcp,ascii,N (tshark's layout)";
        }

        @Override
        public Analyzer create(String args) {
            String[] parts = args.split(",", -1);
            if (parts.length != 2 || !parts[0].equals("ascii") || !parts[1].matches("\\d{1,9}")) {
                throw new IllegalArgumentException("-z follow,tcp needs ascii,N with N a tcp.stream number (only the ascii mode is supported): \""
                        + args + "\"");
            }
            return new FollowTcp(Integer.parseInt(parts[1]));
        }
    }
}
