package io.jdissect.protocols.tcp;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;
import io.jdissect.output.FieldValues;
import io.jdissect.testing.FieldsComparison;
import io.jdissect.testing.SharedTestdata;
import io.jdissect.testing.TsharkJson;
import org.junit.jupiter.api.Assumptions;
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
    static List<SharedTestdata.Capture> captures() {
        return SharedTestdata.captures();
    }

    /** A setup with the capture's options plus the test line protocol on SMTP's ports. */
    static JDissect setup(SharedTestdata.Capture capture) {
        return setup(capture, "tcp-test-plugins");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void tcpFieldsMatchTsharkWithTheRealApplicationDissectors(SharedTestdata.Capture capture) throws IOException {
        compareFieldsTsv(capture, realSetup(capture));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyTcpFieldMatchesTsharkJsonWithTheRealApplicationDissectors(SharedTestdata.Capture capture)
            throws IOException {
        compareJson(capture, realSetup(capture));
    }

    /** The capture's tshark setup with jdissect's own SMTP; skips where that is not on the classpath. */
    private static JDissect realSetup(SharedTestdata.Capture capture) {
        Assumptions.assumeTrue(JDissect.create().registry().handle("smtp") != null, "no SMTP dissector on this branch");
        return FieldsComparison.setupFor(capture);
    }

    /**
     * A setup with the capture's -o options plus the test plugins listed in {@code servicesFolder}
     * (none if null).
     */
    static JDissect setup(SharedTestdata.Capture capture, String servicesFolder) {
        JDissect.Builder b = JDissect.builder().classLoader(setupLoader(servicesFolder));
        List<String> opts = capture.options();
        for (int i = 0; i + 1 < opts.size(); i += 2) {
            if (opts.get(i).equals("-o")) {
                String[] kv = opts.get(i + 1).split(":", 2);
                b.preference(kv[0], kv[1]);
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void tcpFieldsAndInfoMatchTsharkFieldsTsv(SharedTestdata.Capture capture) throws IOException {
        compareFieldsTsv(capture, setup(capture));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyTcpFieldMatchesTsharkJson(SharedTestdata.Capture capture) throws IOException {
        compareJson(capture, setup(capture));
    }

    /** jdissect's class loader, also finding the test plugins listed in {@code servicesFolder} (if not null). */
    static ClassLoader setupLoader(String servicesFolder) {
        ClassLoader parent = TcpMatchesTsharkTest.class.getClassLoader();
        return new ClassLoader(parent) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = Collections.list(super.getResources(name));
                if (servicesFolder != null && name.equals("META-INF/services/io.jdissect.api.ProtocolPlugin")) {
                    urls.add(parent.getResource(servicesFolder + "/io.jdissect.api.ProtocolPlugin"));
                }
                return Collections.enumeration(urls);
            }
        };
    }

    /** tcp.* columns of the fields.tsv, and Info where tshark's Protocol is TCP. */
    static void compareFieldsTsv(SharedTestdata.Capture capture, JDissect setup) throws IOException {
        SharedTestdata.FieldsTable table = SharedTestdata.FieldsTable.read(capture.fieldsTsv());
        assumeLowerLayers(table, setup);
        TsharkDifferences differences = new TsharkDifferences(table);
        int protocolColumn = table.column("_ws.col.Protocol");
        int infoColumn = table.column("_ws.col.Info");
        List<String> mismatches = new ArrayList<>();
        int row = 0;
        try (PacketStream packets = setup.open(capture.file())) {
            for (Packet p : packets) {
                String[] expected = table.rows().get(row++);
                for (int c = 0; c < table.header().size(); c++) {
                    String field = table.header().get(c);
                    if (!field.startsWith("tcp.") || differences.skip((int) p.number(), field)) {
                        continue;
                    }
                    check(mismatches, p, field, c < expected.length ? expected[c] : "",
                            String.join(",", FieldValues.values(p, field)));
                }
                if (expected[protocolColumn].equals("TCP") && !differences.skip((int) p.number(), "_ws.col.Info")) {
                    check(mismatches, p, "_ws.col.Info", expected[infoColumn], p.columns().info());
                }
            }
        }
        assertEquals(table.rows().size(), row, "frames");
        assertEquals(List.of(), mismatches.subList(0, Math.min(40, mismatches.size())), capture + ": "
                + mismatches.size() + " mismatches");
    }

    /** Every tcp.* field and TCP expert message of the -T json, per frame, in order. */
    static void compareJson(SharedTestdata.Capture capture, JDissect setup) throws IOException {
        List<List<TsharkJson.Leaf>> frames = TsharkJson.frames(capture.json());
        SharedTestdata.FieldsTable table = SharedTestdata.FieldsTable.read(capture.fieldsTsv());
        assumeLowerLayers(table, setup);
        TsharkDifferences differences = new TsharkDifferences(table);
        Predicate<String> tcpKey = k -> (k.startsWith("tcp.") || k.equals("_ws.expert.message")) && !k.endsWith("_tree")

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
                            if (differences.skip((int) p.number(), k)) {
                                continue;
                            }
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

    /** Skips a capture whose network layer jdissect does not dissect yet (TCP cannot be reached). */
    private static void assumeLowerLayers(SharedTestdata.FieldsTable table, JDissect setup) {
        int protocols = table.column("frame.protocols");
        for (String[] row : table.rows()) {
            for (String layer : row[protocols].split(":")) {
                if (layer.equals("ipv6") || layer.equals("vlan")) {
                    Assumptions.assumeTrue(setup.registry().fields().lookupProtocol(layer) != null,
                            "no " + layer + " dissector yet");
                }
            }
        }
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
        // tshark's JSON writes an FT_NONE item with children as an object only, without a value.
        boolean objectOnly = item.def() != null && item.def().type() == io.jdissect.api.FieldType.FT_NONE
                && item.hasChildren();
        if (item.def() != null && which.test(item.def().abbrev()) && !item.def().isProtocol() && !objectOnly) {
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
