package io.jdissect.protocols.tcp;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.field.FieldFormat;
import io.jdissect.output.FieldValues;
import io.jdissect.testing.SharedTestdata;
import io.jdissect.testing.TsharkJson;
import io.jdissect.tree.TreeItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TCP against tshark 4.0 on every shared capture: the tcp.* columns of the stored fields.tsv, the
 * Info column of frames tshark shows as TCP, and every tcp.* field (with TCP's expert messages)
 * of the stored -T json. The payload goes to {@link LineProtocolPlugin}, which desegments as
 * tshark's SMTP does, so the reassembly fields are compared too.
 */
class TcpMatchesTsharkTest {
    /** Captures whose TCP payload tshark hands to TLS after STARTTLS: TLS reassembles by record. */
    private static final List<String> TLS_AFTER_STARTTLS = List.of("arkime__smtp-starttls.pcap",
            "suricata-verify__smtp-startssl.pcap", "zeek__tls-smtp-starttls.pcap");

    static List<SharedTestdata.Capture> captures() {
        return SharedTestdata.captures();
    }

    /** A setup with the capture's options plus the test line protocol on SMTP's ports. */
    static JDissect setup(SharedTestdata.Capture capture) {
        return setup(capture, "tcp-test-plugins");
    }

    /** A setup with the capture's -o options plus the test plugins listed in {@code servicesFolder}. */
    static JDissect setup(SharedTestdata.Capture capture, String servicesFolder) {
        ClassLoader parent = TcpMatchesTsharkTest.class.getClassLoader();
        ClassLoader withTestPlugin = new ClassLoader(parent) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = Collections.list(super.getResources(name));
                if (name.equals("META-INF/services/io.jdissect.api.ProtocolPlugin")) {
                    urls.add(parent.getResource(servicesFolder + "/io.jdissect.api.ProtocolPlugin"));
                }
                return Collections.enumeration(urls);
            }
        };
        JDissect.Builder b = JDissect.builder().classLoader(withTestPlugin);
        List<String> opts = capture.options();
        for (int i = 0; i + 1 < opts.size(); i += 2) {
            if (opts.get(i).equals("-o")) {
                String[] kv = opts.get(i + 1).split(":", 2);
                b.preference(kv[0], kv[1]);
            }
        }
        return b.build();
    }

    private static boolean reassemblyField(String field) {
        return field.equals("tcp.segment") || field.equals("tcp.reassembled_in");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void tcpFieldsAndInfoMatchTsharkFieldsTsv(SharedTestdata.Capture capture) throws IOException {
        compareFieldsTsv(capture, setup(capture), TLS_AFTER_STARTTLS.contains(capture.name()));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyTcpFieldMatchesTsharkJson(SharedTestdata.Capture capture) throws IOException {
        compareJson(capture, setup(capture), TLS_AFTER_STARTTLS.contains(capture.name()));
    }

    /**
     * tcp.* columns of the fields.tsv, and Info where tshark's Protocol is TCP; with {@code tls}
     * the reassembly columns and Info are left out (tshark's TLS reassembles there).
     */
    static void compareFieldsTsv(SharedTestdata.Capture capture, JDissect setup, boolean tls) throws IOException {
        SharedTestdata.FieldsTable table = SharedTestdata.FieldsTable.read(capture.fieldsTsv());
        int protocolColumn = table.column("_ws.col.Protocol");
        int infoColumn = table.column("_ws.col.Info");
        List<String> mismatches = new ArrayList<>();
        int row = 0;
        try (PacketStream packets = setup.open(capture.file())) {
            for (Packet p : packets) {
                String[] expected = table.rows().get(row++);
                for (int c = 0; c < table.header().size(); c++) {
                    String field = table.header().get(c);
                    if (!field.startsWith("tcp.") || (tls && reassemblyField(field))) {
                        continue;
                    }
                    check(mismatches, p, field, c < expected.length ? expected[c] : "",
                            String.join(",", FieldValues.values(p, field)));
                }
                if (expected[protocolColumn].equals("TCP") && !tls) {
                    check(mismatches, p, "_ws.col.Info", expected[infoColumn], p.columns().info());
                }
            }
        }
        assertEquals(table.rows().size(), row, "frames");
        assertEquals(List.of(), mismatches.subList(0, Math.min(40, mismatches.size())), capture + ": "
                + mismatches.size() + " mismatches");
    }

    /** Every tcp.* field and TCP expert message of the -T json, per frame, in order. */
    static void compareJson(SharedTestdata.Capture capture, JDissect setup, boolean tls) throws IOException {
        List<List<TsharkJson.Leaf>> frames = TsharkJson.frames(capture.json());
        Predicate<String> tcpKey = k -> (k.startsWith("tcp.") || k.equals("_ws.expert.message")) && !k.endsWith("_tree")
                && !(tls && (k.startsWith("tcp.segment") || k.startsWith("tcp.reassembled")))
                && !k.startsWith("tcp.pdu.");
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (PacketStream packets = setup.open(capture.file())) {
            for (Packet p : packets) {
                Map<String, List<String>> expected = TsharkJson.byKey(tcpLayers(frames.get(n++)), tcpKey);
                Map<String, List<String>> actual = new java.util.LinkedHashMap<>();
                for (TreeItem layer : p.tree().children()) {
                    if (layer.def() != null && layer.def().abbrev().startsWith("tcp")) {
                        collect(layer, actual, tcpKey);
                    }
                }
                if (!expected.equals(actual)) {
                    for (String k : union(expected, actual)) {
                        if (!expected.getOrDefault(k, List.of()).equals(actual.getOrDefault(k, List.of()))) {
                            mismatches.add("frame " + p.number() + " " + k + ": tshark " + abbreviate(expected.get(k))
                                    + " jdissect " + abbreviate(actual.get(k)));
                        }
                    }
                }
            }
        }
        assertEquals(frames.size(), n, "frames");
        assertEquals(List.of(), mismatches.subList(0, Math.min(40, mismatches.size())), capture + ": "
                + mismatches.size() + " mismatches");
    }

    /** The leaves of the tcp and tcp.segments layers, TCP's expert messages included. */
    private static List<TsharkJson.Leaf> tcpLayers(List<TsharkJson.Leaf> leaves) {
        List<TsharkJson.Leaf> out = new ArrayList<>();
        for (TsharkJson.Leaf l : leaves) {
            if (l.layer().equals("tcp") || l.layer().equals("tcp.segments")) {
                out.add(l);
            }
        }
        return out;
    }

    private static void collect(TreeItem item, Map<String, List<String>> out, Predicate<String> which) {
        if (item.def() != null && which.test(item.def().abbrev()) && !item.def().isProtocol()) {
            out.computeIfAbsent(item.def().abbrev(), k -> new ArrayList<>()).add(FieldFormat.jsonText(item));
        }
        for (TreeItem c : item.children()) {
            collect(c, out, which);
        }
    }

    private static List<String> union(Map<String, List<String>> a, Map<String, List<String>> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static String abbreviate(List<String> values) {
        String s = String.valueOf(values);
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static void check(List<String> mismatches, Packet p, String field, String expected, String actual) {
        if (!expected.equals(actual)) {
            mismatches.add("frame " + p.number() + " " + field + ": tshark '" + expected + "' jdissect '" + actual + "'");
        }
    }
}
