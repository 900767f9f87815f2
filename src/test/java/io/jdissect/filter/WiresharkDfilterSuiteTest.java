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
 * Runs the counting tests (checkDFilterCount), compile tests (checkDFilterSucceed) and rejection
 * tests (checkDFilterFail) whose filters
 * use only frame, eth, ip, ipv6, tcp, udp, fddi and llc fields, on the same captures. Nothing of Wireshark's test
 * code is in this project: the test files are parsed here.
 */
class WiresharkDfilterSuiteTest {
    private static final Path SOURCE = Path.of(System.getProperty("wireshark.source", "/tmp/wireshark-v4.0.17"));
    private static final Set<String> PROTOCOLS = Set.of("frame", "eth", "ip", "ipv6", "tcp", "udp", "fddi", "llc");
    private static final Pattern WORD = Pattern.compile("(?<![\\w.:\"'\\\\-])\\.?([a-zA-Z][a-zA-Z0-9_]*)(\\.[a-zA-Z0-9_.-]*[a-zA-Z0-9_])?(?=\\s*[^\\s(]|\\s*$)");
    private static final Pattern TRACE_FILE = Pattern.compile("trace_file = \"([^\"]+)\"");
    private static final Pattern ASSIGN = Pattern.compile("(\\w+) = (.*)");
    private static final Pattern CALL = Pattern.compile("(checkDFilterCount|checkDFilterFail|checkDFilterSucceed)\\((.*)\\)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "contains", "matches", "eq", "ne",
            "gt", "ge", "lt", "le", "any", "all", "any_eq", "all_eq", "any_ne", "all_ne", "bitwise_and", "len", "count",
            "lower", "upper", "string", "max", "min", "abs", "True", "False", "TRUE", "FALSE");

    record Case(String group, String name, String capture, String filter, String check, String expected) {
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
        for (String raw : lines) {
            String line = raw.trim();
            Matcher tf = TRACE_FILE.matcher(line);
            if (tf.matches()) {
                capture = tf.group(1);
            } else if (line.startsWith("def test_")) {
                test = line.substring(4, line.indexOf('('));
                vars.clear();
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
                Matcher c = CALL.matcher(line);
                c.matches();
                String[] args = c.group(2).split(",\\s*", 2);
                String filter = vars.getOrDefault(args[0].trim(), pythonString(args[0]));
                String expected = args.length > 1 ? vars.getOrDefault(args[1].trim(), args[1].trim()) : "";
                if (filter != null) {
                    out.add(new Case(group, test, capture, filter, c.group(1),
                            expected.startsWith("'") || expected.startsWith("\"") ? pythonString(expected) : expected));
                }
                test = null;
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

    /** Only filters whose names are fields of {@link #PROTOCOLS} (R and C tests of the reference). */
    static boolean usesOnlySupportedProtocols(String filter) {
        Matcher m = WORD.matcher(filter.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
        boolean any = false;
        while (m.find()) {
            String first = m.group(1);
            if (m.group(2) == null && (KEYWORDS.contains(first) || first.matches("[0-9a-fA-F]+"))) {
                continue;
            }
            if (!PROTOCOLS.contains(first)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    @TestFactory
    List<DynamicTest> wiresharkFilterTests() throws IOException {
        List<Case> cases = cases();
        Assumptions.assumeFalse(cases.isEmpty(), "Wireshark source not unpacked at " + SOURCE);
        FieldRegistry registry = JDissect.create().registry().fields();
        Map<String, List<Packet>> captures = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            if (!usesOnlySupportedProtocols(c.filter)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.group + " " + c.name + ": " + c.filter, () -> {
                try {
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
        }
    }

    private static void run(Case c, FieldRegistry registry, Map<String, List<Packet>> captures) throws Exception {
        boolean count = c.check.equals("checkDFilterCount");
        FilterSuiteTest.assumeDeclared(registry, c.filter, !c.check.equals("checkDFilterFail"));
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
        DisplayFilter f = DisplayFilter.compile(c.filter, registry);
        List<Packet> packets = captures.computeIfAbsent(c.capture, WiresharkDfilterSuiteTest::dissect);
        Assumptions.assumeTrue(packets != null, "capture " + c.capture + " cannot be read yet");
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
