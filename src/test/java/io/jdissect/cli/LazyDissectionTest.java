package io.jdissect.cli;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lazy dissection: the items a run leaves out because neither its filter nor its output reads them
 * change nothing. Every shared capture, in outputs that read few fields (jdissect's own among them),
 * and every filter of the filter suite on its capture, give the same bytes as with
 * {@code --dissect-all}.
 */
class LazyDissectionTest {
    private static final String FIELDS = "-e frame.number -e smtp.req.parameter -e smtp.x.verb -e smtp.x.transaction "
            + "-e imf.subject -e imf.from -e imf.x.subject -e mime_multipart.x.sha256 -e data-text-lines -e _ws.col.Info";
    private static final List<String> OUTPUTS = List.of(
            "",
            "-T fields " + FIELDS,
            "-T ek " + FIELDS,
            "-Y smtp.x.verb -T fields -e frame.number -e imf.subject",
            "-Y imf.x.subject -T fields -e frame.number",
            "-Y mime_multipart.x.sha256 -T fields -e frame.number",
            "-Y data-text-lines -T json -e frame.number",
            "-Y imf --tshark-only -T json",
            "-Y _ws.expert -T fields -e frame.number -e _ws.expert.message",
            "-V --tshark-only -Y smtp",
            // Whole trees and packets print no column: the columns are not made (-P prints them)
            "-V",
            "-x -Y tcp.len>0",
            "-V -P -Y smtp",
            "-T json",
            "-T ek -Y smtp",
            // Runs that read no message item skip the message bodies and frame.protocols.
            "-Y smtp.req.command==\"MAIL\" -T fields -e frame.number -e smtp.req.parameter",
            // ... and IMF bodies without a message/rfc822 part (workload (b))
            "-Y imf -T fields -e frame.number -e imf.subject -e imf.from -e imf.message_text",
            "-Y frame.protocols~\"mime\" -T fields -e frame.number -e frame.protocols -e smtp.data.fragment.count",
            // Connections no dissector takes (port 443 or 2525 in some captures) are not followed by
            // TCP when nothing reads TCP, data or frame.protocols: their frames still pass filters
            "-Y !smtp -T fields -e frame.number -e ip.src -e frame.len -e smtp.req.command",
            "-Y ip.len>100&&!imf -T fields -e frame.number -e ip.dst",
            "-Y data -T fields -e frame.number -e data.len",
            "-Y !smtp -T fields -e frame.number -e frame.protocols",
            // TCP's items without the columns, Ethernet's or IP's (their trees are not made)
            "-T fields -e frame.number -e tcp.stream -e tcp.window_size -e tcp.analysis.bytes_in_flight -e tcp.completeness",
            // a few frame items without the others
            "-Y smtp -T fields -e frame.time_relative -e frame.time_delta_displayed -e frame.len -e frame.encap_type",
            // pcapng's interface items, each read without the others
            "-Y frame.interface_name -T fields -e frame.number -e frame.section_number",
            "-T fields -e frame.interface_description",
            // DATA fragment items, with the message bytes kept although IMF is not read
            "-Y smtp.data.fragment.count>0 -T fields -e frame.number -e smtp.data.reassembled.length -e smtp.data.fragment");

    private record Run(int code, byte[] out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertSameAsDissectAll(List<String> args, String what) {
        Run lazy = run(args);
        List<String> all = new ArrayList<>(args);
        all.add("--dissect-all");
        Run full = run(all);
        assertEquals(full.code, lazy.code, what + ": " + full.err);
        assertEquals(full.err, lazy.err, what);
        assertArrayEquals(full.out, lazy.out, what);
    }

    private static List<String> args(Path capture, String options) {
        List<String> args = new ArrayList<>(List.of("-r", capture.toString()));
        if (!options.isEmpty()) {
            // The filter expressions above have no spaces; split on them.
            args.addAll(List.of(options.split(" ")));
        }
        return args;
    }

    @TestFactory
    Stream<DynamicTest> outputsAreTheSameAsWithEveryItem() {
        return SharedTestdata.captures().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            for (String options : OUTPUTS) {
                assertSameAsDissectAll(args(c.file(), options), c.name() + " " + options);
            }
        }));
    }

    /**
     * The project's own link-layer captures (VLAN, SLL v2, Null and Loop, FDDI, raw IP, ...), which
     * the shared ones lack in part.
     */
    @TestFactory
    Stream<DynamicTest> ownLowerLayerCapturesToo() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("testdata/lower"))) {
            List<Path> captures = files.filter(f -> f.toString().endsWith(".pcap") || f.toString().endsWith(".pcapng"))
                    .sorted().toList();
            assertTrue(captures.size() >= 10, "testdata/lower: " + captures);
            return captures.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                for (String options : OUTPUTS) {
                    assertSameAsDissectAll(args(c, options), c.getFileName() + " " + options);
                }
                assertSameAsDissectAll(args(c, "-Y vlan.id||sll.pkttype||null.family -T fields -e frame.number -e vlan.id"),
                        c.getFileName() + " link-layer fields");
            }));
        }
    }

    @TestFactory
    Stream<DynamicTest> filterSuiteSelectsTheSameFrames() throws IOException {
        Map<String, List<String>> filtersByCapture = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LazyDissectionTest.class.getResourceAsStream("/io/jdissect/filter/filter-suite.expected.tsv"),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] p = line.split("\t", -1);
                if (!line.startsWith("#") && p.length > 2 && p[2].equals("frames")) {
                    filtersByCapture.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]);
                }
            }
        }
        Path root = SharedTestdata.requireRoot();
        return filtersByCapture.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            for (String filter : e.getValue()) {
                List<String> args = List.of("-r", root.resolve(e.getKey()).toString(), "-Y", filter,
                        "-T", "fields", "-e", "frame.number");
                assertSameAsDissectAll(args, e.getKey() + " -Y " + filter);
            }
        }));
    }
}
