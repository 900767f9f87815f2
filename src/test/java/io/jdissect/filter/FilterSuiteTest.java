package io.jdissect.filter;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's filter suite: every filter of filter-suite.expected.tsv selects the frames tshark
 * 4.0 selected on the same shared capture, and every invalid filter fails with tshark's message and
 * caret. Rows whose protocols are not (yet) in the registry are skipped with a message, as are
 * frame rows when the shared captures are absent.
 */
class FilterSuiteTest {
    private static final Pattern NAME = Pattern.compile("(?<![\\w.:\"'\\\\-])\\.?([a-z][a-z0-9_]*)(\\.[a-z0-9_.-]*[a-z0-9_])?");
    private static final Set<String> PROTOCOLS = Set.of("frame", "eth", "ip", "ipv6", "tcp",
            "smtp", "imf", "sll", "udp", "fddi", "llc");

    record Row(String capture, String filter, String kind, String[] rest) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FilterSuiteTest.class.getResourceAsStream("filter-suite.expected.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] p = line.split("\t", -1);
                String[] rest = new String[p.length - 3];
                System.arraycopy(p, 3, rest, 0, rest.length);
                rows.add(new Row(p[0], p[1], p[2], rest));
            }
        }
        return rows;
    }

    /** Skips a row whose protocols (or, for a valid filter, fields) this build does not declare yet. */
    static void assumeDeclared(FieldRegistry registry, String filter, boolean valid) {
        Matcher m = NAME.matcher(filter.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
        while (m.find()) {
            String proto = m.group(1);
            if (!PROTOCOLS.contains(proto)) {
                continue;
            }
            String name = m.group(2) == null ? proto : proto + m.group(2);
            String needed = valid ? name : proto;
            Assumptions.assumeTrue(registry.lookup(needed) != null, needed + " is not in the registry yet");
        }
    }

    @TestFactory
    List<DynamicTest> filtersAgreeWithTshark() throws IOException {
        FieldRegistry registry = JDissect.create().registry().fields();
        Map<String, Map<Long, Packet>> captures = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            String name = row.capture + ": " + row.filter;
            if (row.kind.equals("error")) {
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    assumeDeclared(registry, row.filter, false);
                    FilterException e = assertThrows(FilterException.class,
                            () -> DisplayFilter.compile(row.filter, registry));
                    assertEquals(row.rest[3], e.getMessage(), "message");
                    assertEquals(Integer.parseInt(row.rest[1]), e.position(), "caret start");
                    if (e.position() >= 0) {
                        assertEquals(Integer.parseInt(row.rest[2]), e.length(), "caret length");
                    }
                    assertEquals("2", row.rest[0], "tshark exit code for a bad filter");
                }));
            } else {
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    assumeDeclared(registry, row.filter, true);
                    DisplayFilter f = DisplayFilter.compile(row.filter, registry);
                    Map<Long, Packet> packets = captures.computeIfAbsent(row.capture, FilterSuiteTest::dissect);
                    Assumptions.assumeTrue(packets != null, "capture " + row.capture + " cannot be read yet");
                    Set<Long> judged = judgedFrames(row.capture, registry, readProtocols(f, registry));
                    Assumptions.assumeFalse(judged.isEmpty(), "no frame of " + row.capture + " is dissected far enough yet");
                    String got = packets.values().stream().filter(p -> judged.contains(p.number())).filter(f::matches)
                            .map(p -> Long.toString(p.number())).collect(Collectors.joining(","));
                    List<String> selected = row.rest.length == 0 || row.rest[0].isEmpty() ? List.of()
                            : Arrays.asList(row.rest[0].split(","));
                    String expected = selected.stream().filter(n -> judged.contains(Long.parseLong(n)))
                            .collect(Collectors.joining(","));
                    // A row whose selected frames are all left out would only check that jdissect
                    // selects nothing: it could never fail for the frames it is about.
                    assertTrue(selected.isEmpty() || !expected.isEmpty(), "every frame tshark selected (" + row.rest[0]
                            + ") is left out: the row cannot fail; replace it");
                    assertEquals(expected, got, "frames (of the " + judged.size() + " frames jdissect dissects as far as the filter reads)");
                }));
            }
        }
        return tests;
    }

    /**
     * The protocols whose fields the filter reads; null when it reads items that any layer may add
     * (tshark's {@code _ws.*} expert and column items), so that only whole dissections compare.
     */
    private static Set<String> readProtocols(DisplayFilter f, FieldRegistry registry) {
        Set<String> out = new HashSet<>();
        for (String name : f.fieldsUsed()) {
            if (name.startsWith("_ws.")) {
                return null;
            }
            FieldDef def = registry.lookup(name);
            out.add(def != null ? def.protocol().abbrev() : name.split("\\.")[0]);
        }
        return out;
    }

    /**
     * The frames on which a filter's result can be compared with tshark's: those whose layers (tshark's
     * frame.protocols) jdissect all dissects, and those where it stops at a layer it does not dissect
     * (DNS, TLS …) but none of the protocols the filter reads ({@code read}) occurs from that layer
     * on, so that every item the filter sees is one jdissect builds too (e.g. {@code udp} on a DNS
     * frame, but not on an ICMP error quoting a UDP header).
     */
    private static Set<Long> judgedFrames(String capture, FieldRegistry registry, Set<String> read) {
        Path tsv = captureFile(capture).resolveSibling(captureFile(capture).getFileName() + ".fields.tsv");
        Set<Long> out = new HashSet<>();
        SharedTestdata.FieldsTable.read(tsv).columnByFrame("frame.protocols").forEach((frame, protocols) -> {
            List<String> layers = Arrays.asList(protocols.split(":"));
            int first = 0;
            while (first < layers.size() && registry.lookup(layers.get(first)) != null) {
                first++;
            }
            List<String> undissected = layers.subList(first, layers.size());
            if (undissected.isEmpty() || read != null && undissected.stream().noneMatch(read::contains)) {
                out.add((long) frame);
            }
        });
        return out;
    }

    /** A capture of the suite: the project's own under testdata/, else a shared one. */
    private static Path captureFile(String capture) {
        return capture.startsWith("testdata/") ? Path.of(capture) : SharedTestdata.root().resolve(capture);
    }

    /** All packets of a capture (null when the capture or a reader for it is unavailable). */
    private static Map<Long, Packet> dissect(String capture) {
        Path file = captureFile(capture);
        if (!Files.exists(file)) {
            return null;
        }
        Map<Long, Packet> out = new java.util.LinkedHashMap<>();
        try (PacketStream s = JDissect.create().open(file)) {
            for (Packet p : s) {
                out.put(p.number(), p);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        return out;
    }
}
