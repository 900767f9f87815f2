package io.jdissect.filter;

import io.jdissect.api.FieldRegistry;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wireshark's own display-filter tests (test/suite_dfilter of the wireshark 4.0 source package),
 * read at test time from an unpacked source tree (system property {@code wireshark.source}, default
 * /tmp/wireshark-v4.0.17; see scripts/wireshark-dfilter-tests.sh) and skipped when it is absent.
 * Every check of every test method runs: counts (checkDFilterCount, and
 * checkDFilterCountWithSelectedFrame with the selected frame given to the compiler), compiles
 * (checkDFilterSucceed) and rejections (checkDFilterFail), on the same captures. The only checks
 * skipped are those whose filter names a protocol of {@link #NOT_DISSECTED}; any other name jdissect
 * does not know is a failure. Nothing of Wireshark's test code is in this project: the test files
 * are parsed here. target/wireshark-dfilter-report.tsv lists each check with PASS, FAIL or SKIP.
 */
class WiresharkDfilterSuiteTest {
    private static final Path SOURCE = Path.of(System.getProperty("wireshark.source", "/tmp/wireshark-v4.0.17"));
    /**
     * The protocols of the suite's filters that jdissect does not dissect (so their fields are not in
     * its registry): a check naming one is skipped, with this reason.
     */
    static final Set<String> NOT_DISSECTED = Set.of("http", "icmp", "ipx", "ntp", "tftp", "nfs", "dhcp", "arp",
            "sip", "mac-lte");
    private static final Pattern WORD = Pattern.compile("(?<![\\w.:\"'\\\\-])\\.?([a-zA-Z][a-zA-Z0-9_-]*)(\\.[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?");
    private static final Pattern TRACE_FILE = Pattern.compile("trace_file = \"([^\"]+)\"");
    private static final Pattern ASSIGN = Pattern.compile("(\\w+) = (.*)");
    private static final Pattern CALL = Pattern.compile(
            "(checkDFilterCountWithSelectedFrame|checkDFilterCount|checkDFilterFail|checkDFilterSucceed)\\((.*)\\)");

    /** One check: {@code selected} is the selected frame of checkDFilterCountWithSelectedFrame, else 0. */
    record Case(String group, String name, String capture, String filter, String check, String expected,
                long selected) {
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        Path dir = SOURCE.resolve("test/suite_dfilter");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("group_")).sorted().toList()) {
                parse(f.getFileName().toString(), Files.readAllLines(f), out);
            }
        }
        return out;
    }

    /**
     * Reads the test methods of one file line by line: the class's trace_file, each test's
     * {@code name = "…"} assignments, and its checkDFilterCount/checkDFilterFail call.
     */
    private static void parse(String group, List<String> lines, List<Case> out) {
        String capture = null;
        String test = null;
        Map<String, String> vars = new HashMap<>();
        int calls = 0;
        for (String raw : lines) {
            String line = raw.trim();
            Matcher tf = TRACE_FILE.matcher(line);
            if (tf.matches()) {
                capture = tf.group(1);
            } else if (line.startsWith("def test_")) {
                test = line.substring(4, line.indexOf('('));
                vars.clear();
                calls = 0;
            } else if (test != null && ASSIGN.matcher(line).matches()) {
                Matcher a = ASSIGN.matcher(line);
                a.matches();
                String v = pythonString(a.group(2));
                if (v != null) {
                    vars.put(a.group(1), v);
                } else {
                    vars.put(a.group(1), a.group(2).trim());
                }
            } else if (test != null && CALL.matcher(line).matches()) {
                // A method may check several filters: each call is a case (named #2, #3 … after the first).
                Matcher c = CALL.matcher(line);
                c.matches();
                String[] args = c.group(2).split(",\\s*");
                String filter = vars.getOrDefault(args[0].trim(), pythonString(args[0]));
                String expected = args.length > 1 ? vars.getOrDefault(args[1].trim(), args[1].trim()) : "";
                if (expected.startsWith("'") || expected.startsWith("\"")) {
                    expected = pythonString(c.group(2).split(",\\s*", 2)[1]);
                }
                long selected = c.group(1).equals("checkDFilterCountWithSelectedFrame") ? Long.parseLong(args[2].trim()) : 0;
                calls++;
                if (filter != null) {
                    out.add(new Case(group, calls == 1 ? test : test + " #" + calls, capture, filter, c.group(1),
                            expected, selected));
                }
            }
        }
    }

    /** The value of a Python string literal (possibly several concatenated), or null. */
    private static String pythonString(String literal) {
        String s = literal.trim();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean raw = false;
            if (c == 'r' || c == 'R') {
                raw = true;
                i++;
                c = s.charAt(i);
            }
            if (c != '"' && c != '\'') {
                return i == 0 ? null : sb.toString();
            }
            char q = c;
            i++;
            while (i < s.length() && s.charAt(i) != q) {
                char d = s.charAt(i);
                if (d == '\\' && !raw) {
                    char e = s.charAt(i + 1);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'x' -> {
                            sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                            i += 2;
                        }
                        default -> sb.append(e);
                    }
                    i += 2;
                } else if (d == '\\') {
                    sb.append(d).append(s.charAt(i + 1));
                    i += 2;
                } else {
                    sb.append(d);
                    i++;
                }
            }
            i++;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }
        return sb.toString();
    }

    /** The protocol of {@link #NOT_DISSECTED} the filter names (outside strings), or null. */
    static String notDissectedProtocol(String filter) {
        Matcher m = WORD.matcher(filter.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
        while (m.find()) {
            if (NOT_DISSECTED.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    @TestFactory
    List<DynamicTest> wiresharkFilterTests() throws IOException {
        List<Case> cases = cases();
        Assumptions.assumeFalse(cases.isEmpty(), "Wireshark source not unpacked at " + SOURCE);
        FieldRegistry registry = JDissect.create().registry().fields();
        Map<String, List<Packet>> captures = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.group + " " + c.name + ": " + c.filter, () -> {
                try {
                    String skipped = notDissectedProtocol(c.filter);
                    Assumptions.assumeTrue(skipped == null, "jdissect does not dissect " + skipped);
                    run(c, registry, captures);
                    REPORT.add("PASS\t" + c.group + "\t" + c.name + "\t" + c.filter);
                } catch (org.opentest4j.TestAbortedException e) {
                    REPORT.add("SKIP\t" + c.group + "\t" + c.name + "\t" + c.filter + "\t" + e.getMessage());
                    throw e;
                } catch (Throwable e) {
                    REPORT.add("FAIL\t" + c.group + "\t" + c.name + "\t" + c.filter + "\t" + e.getMessage());
                    throw e;
                }
            }));
        }
        return tests;
    }

    private static final List<String> REPORT = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Writes target/wireshark-dfilter-report.tsv: one line per test with PASS/FAIL/SKIP and why. */
    @org.junit.jupiter.api.AfterAll
    static void writeReport() throws IOException {
        if (!REPORT.isEmpty()) {
            Files.write(Path.of("target", "wireshark-dfilter-report.tsv"), REPORT);
            Map<String, Long> counts = new java.util.TreeMap<>();
            REPORT.forEach(line -> counts.merge(line.substring(0, 4), 1L, Long::sum));
            System.out.println("Wireshark suite_dfilter checks: " + counts);
        }
    }

    private static void run(Case c, FieldRegistry registry, Map<String, List<Packet>> captures) throws Exception {
        boolean count = c.check.startsWith("checkDFilterCount");
        if (c.check.equals("checkDFilterSucceed")) {
            DisplayFilter.compile(c.filter, registry);
            return;
        }
        if (!count) {
            FilterException e = org.junit.jupiter.api.Assertions.assertThrows(FilterException.class,
                    () -> DisplayFilter.compile(c.filter, registry));
            if (c.expected != null && !c.expected.isEmpty()) {
                assertTrue(e.getMessage().contains(c.expected), e.getMessage());
            }
            return;
        }
        List<Packet> packets = captures.computeIfAbsent(c.capture, WiresharkDfilterSuiteTest::dissect);
        assertTrue(packets != null, "capture " + c.capture + " cannot be read");
        // tshark numbers frames from 1; --selected-frame=N is the N-th.
        Packet selected = c.selected == 0 ? null : packets.get((int) c.selected - 1);
        DisplayFilter f = DisplayFilter.compile(c.filter, registry, selected);
        assertEquals(Long.parseLong(c.expected), packets.stream().filter(f::matches).count());
    }

    private static List<Packet> dissect(String capture) {
        Path file = SOURCE.resolve("test/captures").resolve(capture);
        List<Packet> out = new ArrayList<>();
        try (PacketStream s = JDissect.create().open(file)) {
            for (Packet p : s) {
                out.add(p);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        return out;
    }
}
