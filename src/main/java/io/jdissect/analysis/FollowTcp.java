package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.Endpoint;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.TreeItem;
import io.jdissect.protocols.tcp.Seq;
import io.jdissect.protocols.tcp.TcpInfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code -z follow,tcp,ascii,N}: the payload of TCP stream N as the two sides sent it, in tshark
 * 4.0's layout (ui/cli/tap-follow.c): node 0 is the source of the stream's first packet; each
 * segment that brings new bytes is one chunk, its length on a line of its own (indented with a tab
 * for node 1), then its bytes (printable ASCII, CR and LF as they are, anything else '.').
 * The chunks are put in order as packet-tcp.c's follow tap does (follow_tcp_tap_listener,
 * check_follow_fragments): retransmitted bytes are left out, a segment ahead of the next expected
 * sequence number waits until the bytes before it come, and once the other side acknowledges beyond
 * what is missing, a chunk "[N bytes missing in capture file]" (with its NUL) stands for them.
 */
public final class FollowTcp implements Analyzer {
    private static final String RULE = "=".repeat(67);
    private final int stream;
    private Endpoint node0;
    private Endpoint node1;
    /** Next relative sequence number expected from node 0 and node 1 (0 before it is known). */
    private final long[] next = new long[2];
    private final long[] bytesWritten = new long[2];
    /** Segments of each node that came before the bytes ahead of them, in arrival order. */
    private final List<List<Chunk>> waiting = List.of(new ArrayList<>(), new ArrayList<>());
    private final List<Chunk> chunks = new ArrayList<>();

    /** Bytes of one node from sequence number {@code seq} (for the waiting ones) seen in {@code frame}. */
    private record Chunk(int node, long frame, long seq, byte[] data) {
    }

    FollowTcp(int stream) {
        this.stream = stream;
    }

    /** The segments' payloads: TCP's layer, nothing above it. */
    @Override
    public Set<String> fieldsRead() {
        return Set.of("tcp.payload");
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
        int node = src.equals(node0) ? 0 : 1;
        if (!waiting.get(1 - node).isEmpty()) {
            while (applyWaiting(1 - node, tcp.ack(), p.number(), true)) {
                // each call places one waiting segment or one gap
            }
        }
        long sequence = tcp.syn() ? Seq.add(tcp.seq(), 1) : tcp.seq();
        long length = Seq.sub(tcp.nxtseq(), tcp.seq());
        if (bytesWritten[node] == 0 && next[node] == 0) {
            next[node] = sequence;
        }
        TreeItem payload = p.first("tcp.payload");
        byte[] bytes = payload == null ? new byte[0] : payload.itemBytes();
        int offset = 0;
        int count = bytes.length;
        if (Seq.lt(sequence, next[node])) {
            long end = Seq.add(sequence, length);
            if (Seq.gt(end, next[node])) { // a retransmission that brings more: keep only what is new
                offset = (int) Seq.sub(next[node], sequence);
                count = count <= offset ? 0 : count - offset;
                sequence = next[node];
                length = Seq.sub(end, next[node]);
            }
        }
        if (count == 0 || Seq.lt(sequence, next[node])) {
            return;
        }
        Chunk c = new Chunk(node, p.number(), sequence, Arrays.copyOfRange(bytes, offset, offset + count));
        if (sequence == next[node]) {
            next[node] = Seq.add(next[node], length);
            bytesWritten[node] += count;
            chunks.add(c);
            while (applyWaiting(node, 0, p.number(), false)) {
                // the segments this one makes fit follow it
            }
        } else {
            waiting.get(node).add(c);
        }
    }

    /**
     * Places one waiting segment of {@code node} that now fits (or whose bytes were all seen), or,
     * with {@code useAck}, a gap chunk when the other side acknowledged beyond the lowest waiting
     * segment; false when nothing could be placed.
     */
    private boolean applyWaiting(int node, long acknowledged, long frame, boolean useAck) {
        List<Chunk> list = waiting.get(node);
        if (list.isEmpty()) {
            return false;
        }
        long lowest = list.get(0).seq();
        for (int i = 0; i < list.size(); i++) {
            Chunk w = list.get(i);
            if (Seq.gt(lowest, w.seq())) {
                lowest = w.seq();
            }
            if (Seq.lt(w.seq(), next[node])) {
                long end = Seq.add(w.seq(), w.data().length);
                if (Seq.gt(end, next[node])) {
                    int from = (int) Seq.sub(next[node], w.seq());
                    if (w.data().length > from) {
                        chunks.add(new Chunk(node, w.frame(), next[node], Arrays.copyOfRange(w.data(), from, w.data().length)));
                    }
                    next[node] = Seq.add(next[node], w.data().length - from);
                }
                list.remove(i);
                return true;
            }
            if (w.seq() == next[node]) {
                if (w.data().length > 0) {
                    chunks.add(w);
                }
                next[node] = Seq.add(next[node], w.data().length);
                list.remove(i);
                return true;
            }
        }
        if (useAck && Seq.gt(acknowledged, lowest)) {
            String gap = "[" + (int) Seq.sub(lowest, next[node]) + " bytes missing in capture file]\0";
            chunks.add(new Chunk(node, frame, lowest, gap.getBytes(StandardCharsets.US_ASCII)));
            next[node] = lowest;
            return true;
        }
        return false;
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
