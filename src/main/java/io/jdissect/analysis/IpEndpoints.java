package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -z endpoints,ip}: packets and bytes sent and received per IPv4 address, in tshark 4.0's
 * layout (ui/cli/tap-endpoints.c): each IPv4 header of a frame counts (source first, then
 * destination), rows by total packets, most first, ties in order of appearance.
 */
public final class IpEndpoints implements Analyzer {
    private final TapFilter tapFilter;

    IpEndpoints(TapFilter tapFilter) {
        this.tapFilter = tapFilter;
    }

    /** IPv4's source and destination items and what the tap's filter reads. */
    @Override
    public Set<String> fieldsRead() {
        return tapFilter.fieldsReadWith("ip");
    }

    private static final String RULE = "=".repeat(80);
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    private static final class Endpoint {
        final String address;
        long txFrames;
        long txBytes;
        long rxFrames;
        long rxBytes;

        Endpoint(String address) {
            this.address = address;
        }

        long frames() {
            return txFrames + rxFrames;
        }
    }

    @Override
    public void packet(Packet p) {
        if (!tapFilter.passes(p)) {
            return;
        }
        long len = p.record().originalLength();
        for (TreeItem layer : p.layers()) {
            if (layer.def() == null || !layer.def().abbrev().equals("ip")) {
                continue;
            }
            TreeItem src = layer.child(p.info().registry().fields().lookup("ip.src"));
            TreeItem dst = layer.child(p.info().registry().fields().lookup("ip.dst"));
            if (src == null || dst == null) {
                continue;
            }
            Endpoint s = endpoints.computeIfAbsent(FieldFormat.fieldsText(src), Endpoint::new);
            Endpoint d = endpoints.computeIfAbsent(FieldFormat.fieldsText(dst), Endpoint::new);
            s.txFrames++;
            s.txBytes += len;
            d.rxFrames++;
            d.rxBytes += len;
        }
    }

    @Override
    public Report report() {
        List<Endpoint> rows = new ArrayList<>(endpoints.values());
        rows.sort(Comparator.comparingLong(Endpoint::frames).reversed());
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                out.print(RULE + "\nIPv4 Endpoints\nFilter:" + Layers.filterHeader(tapFilter) + "\n");
                out.print("                       |  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n");
                for (Endpoint e : rows) {
                    out.print(String.format("%-20s      %6d     %9d     %6d       %9d      %6d       %9d   \n", e.address,
                            e.frames(), e.txBytes + e.rxBytes, e.txFrames, e.txBytes, e.rxFrames, e.rxBytes));
                }
                out.print(RULE + "\n");
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartArray();
                for (Endpoint e : rows) {
                    g.writeStartObject();
                    g.writeStringField("address", e.address);
                    g.writeNumberField("packets", e.frames());
                    g.writeNumberField("bytes", e.txBytes + e.rxBytes);
                    g.writeNumberField("tx_packets", e.txFrames);
                    g.writeNumberField("tx_bytes", e.txBytes);
                    g.writeNumberField("rx_packets", e.rxFrames);
                    g.writeNumberField("rx_bytes", e.rxBytes);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        };
    }

    /** Makes {@code endpoints,ip} analyzers. */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "endpoints,ip";
        }

        @Override
        public String description() {
            return "IPv4 endpoints (tshark's layout)";
        }

        @Override
        public Analyzer create(String args) {
            return create(args, null);
        }

        /** {@code endpoints,ip[,FILTER]}: the rest of the argument is the tap's display filter. */
        @Override
        public Analyzer create(String args, FieldRegistry fields) {
            return new IpEndpoints(Layers.tapFilter(name(), "endpoint", args, fields));
        }
    }
}
