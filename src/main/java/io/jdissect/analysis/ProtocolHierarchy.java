package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.TreeItem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -z io,phs}: the protocol hierarchy in tshark 4.0's layout (ui/cli/tap-protohierstat.c):
 * the top-level items of each packet's tree form a path (frame → eth → ip → tcp → smtp → imf),
 * counted with the frame lengths; children in order of first appearance.
 *
 * <p>tshark leaves the {@code frame} level out when it does not build the full tree (no
 * {@code -Y}, {@code -V} or field output); {@link #showFrame} reproduces that.
 */
public final class ProtocolHierarchy implements Analyzer {
    private final TapFilter tapFilter;

    ProtocolHierarchy(TapFilter tapFilter) {
        this.tapFilter = tapFilter;
    }

    private static final String RULE = "=".repeat(67);
    private static final int MAX_INDENT = 16;
    private final Node root = new Node(null);
    private boolean showFrame;

    /** One protocol at one place in the hierarchy. */
    private static final class Node {
        final String protocol;
        long frames;
        long bytes;
        final List<Node> children = new ArrayList<>(2);

        Node(String protocol) {
            this.protocol = protocol;
        }

        Node child(String protocol) {
            for (Node c : children) {
                if (c.protocol.equals(protocol)) {
                    return c;
                }
            }
            Node c = new Node(protocol);
            children.add(c);
            return c;
        }
    }

    /** Whether the {@code frame} level is counted (false by default, as {@code tshark -q -z io,phs}). */
    public void showFrame(boolean show) {
        this.showFrame = show;
    }

    @Override
    public void packet(Packet p) {
        if (!tapFilter.passes(p)) {
            return;
        }
        Node at = root;
        long len = p.record().originalLength();
        int segments = 0;
        for (TreeItem layer : p.layers()) {
            if (layer.def() == null || (!showFrame && layer.def().abbrev().equals("frame"))) {
                continue;
            }
            if (layer.def().abbrev().equals("tcp.segments")) {
                segments++; // shown after TCP, but tshark adds it to the tree after the payload's layers
                continue;
            }
            at = count(at.child(layer.def().abbrev()), len);
        }
        for (int i = 0; i < segments; i++) {
            at = count(at.child("tcp.segments"), len);
        }
    }

    private static Node count(Node n, long len) {
        n.frames++;
        n.bytes += len;
        return n;
    }

    @Override
    public Report report() {
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                // tap-protohierstat.c prints the filter string as given, nothing without one
                out.print("\n" + RULE + "\nProtocol Hierarchy Statistics\nFilter: "
                        + (tapFilter.text() == null ? "" : tapFilter.text()) + "\n\n");
                draw(out, root.children, 0);
                out.print(RULE + "\n");
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                json(g, root.children);
            }

            private void json(JsonGenerator g, List<Node> nodes) throws IOException {
                g.writeStartArray();
                for (Node n : nodes) {
                    g.writeStartObject();
                    g.writeStringField("protocol", n.protocol);
                    g.writeNumberField("frames", n.frames);
                    g.writeNumberField("bytes", n.bytes);
                    if (!n.children.isEmpty()) {
                        g.writeFieldName("children");
                        json(g, n.children);
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        };
    }

    private static void draw(PrintWriter out, List<Node> nodes, int depth) {
        for (Node n : nodes) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                if (i >= MAX_INDENT) {
                    line.append("...");
                    break;
                }
                line.append("  ");
            }
            line.append(n.protocol);
            // tshark builds the name in an 80-byte buffer: longer names are cut at 79 characters
            String name = line.length() > 79 ? line.substring(0, 79) : line.toString();
            out.print(String.format("%-40s frames:%d bytes:%d\n", name, n.frames, n.bytes));
            draw(out, n.children, depth + 1);
        }
    }

    /** Makes {@code io,phs} analyzers. */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "io,phs";
        }

        @Override
        public String description() {
            return "protocol hierarchy (tshark's layout)";
        }

        @Override
        public Analyzer create(String args) {
            return create(args, null);
        }

        /** {@code io,phs[,FILTER]}: the rest of the argument is the tap's display filter. */
        @Override
        public Analyzer create(String args, FieldRegistry fields) {
            return new ProtocolHierarchy(Layers.tapFilter(name(), "io,phs", args, fields));
        }
    }
}
