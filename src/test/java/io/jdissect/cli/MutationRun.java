package io.jdissect.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.jdissect.mutation.Mutator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mutation run of issue 8 (started by {@code scripts/mutation-run.sh}): every capture of the
 * given folders is mutated N times ({@link Mutator}) and each mutant goes through the command line
 * in this JVM once per output format and filter ({@link #RUNS}), each run in a worker thread with a
 * time limit. Counted as a crash: a Throwable out of {@code Main.run}, an exit code other than 0
 * and 2 (1 is bad arguments, impossible with these), "internal error" or a stack trace on stderr,
 * more than one line of error, an error not naming the file, JSON or EK output that does not parse,
 * an exported file outside its folder (or a link in it: {@link ExportFolder}), a capture written
 * with {@code -w} (pcapng and pcap) that does not read back without error or whose packets (lengths,
 * protocols) are not those read from the mutant. A hang: a run over the time limit. Also counted, as bugs to
 * fix though contained: dissector exceptions other than reads past the end (the
 * {@code [Malformed Packet: X] (Exception: …)} items). Each finding is saved with what made it.
 *
 * <p>Usage: {@code MutationRun MUTANTS_PER_CAPTURE SEED TIMEOUT_SECONDS FINDINGS_DIR SAMPLE_DIR
 * SAMPLE_EVERY CAPTURE_DIR...}; SAMPLE_DIR receives every SAMPLE_EVERY-th mutant for the RSS
 * measurement through the real command line.
 */
public final class MutationRun {
    private static final String FILE = "\u0000file";
    private static final String EXPORT = "\u0000export";
    private static final String STDIN = "\u0000stdin";
    private static final String WRITTEN = "\u0000written";
    /**
     * Read from a mutant and from what {@code -w} wrote of it: the two must agree. The protocols
     * stand for the bytes and the link type. Not the times: a record without one (a pcapng Simple
     * Packet Block) is written with time 0 as tshark writes it, and a fraction beyond one second
     * (clamped when read) is rounded to the file's resolution when written.
     */
    private static final String[] WRITTEN_FIELDS = {"-T", "fields", "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.protocols"};
    private static final String FIELDS = "-e frame.number -e ip.src -e ipv6.dst -e tcp.stream -e tcp.len -e tcp.seq "
            + "-e smtp.req.command -e smtp.response.code -e imf.subject -e _ws.col.Info -E occurrence=a";
    /** The command lines each mutant goes through. */
    static final List<List<String>> RUNS = List.of(
            List.of("-r", FILE, "-V"),
            args("-r " + FILE + " -T fields " + FIELDS),
            List.of("-r", FILE, "-T", "json"),
            List.of("-r", FILE, "-T", "ek"),
            List.of("-r", STDIN, "-x"),
            List.of("-r", FILE, "-Y", "tcp.analysis.flags || _ws.malformed || _ws.expert || frame contains \"@\""),
            List.of("-r", FILE, "-T", "json", "-x", "-Y",
                    "smtp.req.command == \"MAIL\" || imf.subject matches \"^(a|aa)+$\" || tcp.stream in {0, 2..5}"),
            List.of("-r", FILE, "-V", "-Y",
                    "ip.len > 100 && tcp.flags.syn == 1 || ipv6.plen < 20 || eth.type == 0x8100 || tcp.payload[0:2] == 32:32"),
            List.of("-r", FILE, "-q", "-z", "credentials", "--export-objects", "attachments," + EXPORT),
            List.of("-r", FILE, "-q", "--export-objects", "imf," + EXPORT, "-o", "tcp.desegment_tcp_streams:FALSE"),
            List.of("-r", FILE, "-w", WRITTEN, "-F", "pcapng"),
            List.of("-r", FILE, "-w", WRITTEN, "-F", "pcap"));
    /** -F pcap and a pcapng input with two link types: the one error of -w that names the frame, not the file. */
    private static final Pattern UNWRITABLE = Pattern.compile("jdissect: frame \\d+ can't be written: pcap can't hold packets of link types");
    private static final Pattern CONTAINED_BUG = Pattern.compile("\\[Malformed Packet: [^]]*\\] \\((\\w+)");
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Path findings;
    private final long timeoutMillis;
    private final Path scratch;
    private long longestMillis;
    private String longestRun = "";
    private int findingNumber;

    private MutationRun(Path findings, long timeoutMillis) throws IOException {
        this.findings = findings;
        this.timeoutMillis = timeoutMillis;
        this.scratch = Files.createTempDirectory("jdissect-mutation");
    }

    private static List<String> args(String line) {
        return List.of(line.split(" "));
    }

    public static void main(String[] a) throws Exception {
        int perCapture = Integer.parseInt(a[0]);
        long seed = Long.parseLong(a[1]);
        long timeoutMillis = Long.parseLong(a[2]) * 1000;
        Path findings = Path.of(a[3]);
        Path sampleDir = Path.of(a[4]);
        int sampleEvery = Integer.parseInt(a[5]);
        List<Path> captures = new ArrayList<>();
        for (int i = 6; i < a.length; i++) {
            captures.addAll(capturesUnder(Path.of(a[i])));
        }
        List<byte[]> originals = new ArrayList<>();
        for (Path c : captures) {
            originals.add(Files.readAllBytes(c));
        }
        Files.createDirectories(findings);
        Files.createDirectories(sampleDir);
        MutationRun run = new MutationRun(findings, timeoutMillis);
        Mutator mutator = new Mutator(seed, originals);
        long started = System.nanoTime();
        int mutants = 0;
        for (int c = 0; c < captures.size(); c++) {
            String name = captures.get(c).getFileName().toString();
            for (int i = 0; i < perCapture; i++) {
                Mutator.Mutant m = mutator.mutate(originals.get(c));
                mutants++;
                if (mutants % sampleEvery == 0) {
                    Files.write(sampleDir.resolve(mutants + "-" + name), m.bytes());
                }
                run.check(name + "#" + i, m);
            }
            System.err.printf(Locale.ROOT, "  %-60s %d mutants so far, %s%n", name, mutants, run.counts);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf(Locale.ROOT, "captures: %d%nmutants: %d%nruns: %d%n", captures.size(), mutants,
                mutants * RUNS.size());
        for (String k : List.of("crashes", "hangs", "contained dissector exceptions")) {
            System.out.printf(Locale.ROOT, "%s: %d%n", k, run.counts.getOrDefault(k, 0));
        }
        run.counts.forEach((k, v) -> {
            if (k.startsWith("exit ") || k.startsWith("  ")) {
                System.out.printf(Locale.ROOT, "%s: %d%n", k, v);
            }
        });
        System.out.printf(Locale.ROOT, "slowest run: %d ms (%s)%nin-process time: %d s%n", run.longestMillis,
                run.longestRun, seconds);
        System.exit(run.counts.getOrDefault("crashes", 0) + run.counts.getOrDefault("hangs", 0) == 0 ? 0 : 1);
    }

    private static List<Path> capturesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            System.err.println("mutation run: no folder " + dir + ", skipped");
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)$") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** Runs one mutant through every command line and counts what went wrong. */
    private void check(String name, Mutator.Mutant m) throws IOException {
        Path file = scratch.resolve("mutant.pcap");
        Files.write(file, m.bytes());
        Path written = scratch.resolve("written.cap");
        for (List<String> template : RUNS) {
            ExportFolder export = ExportFolder.create(scratch);
            Files.deleteIfExists(written);
            List<String> argv = new ArrayList<>();
            for (String t : template) {
                argv.add(t.replace(FILE, file.toString()).replace(STDIN, "-").replace(EXPORT, export.dir().toString())
                        .replace(WRITTEN, written.toString()));
            }
            Outcome o = runOne(argv.toArray(String[]::new), m.bytes());
            String problem = o.problem(template, file.toString());
            if (problem == null) {
                problem = export.escape();
            }
            if (problem == null && template.contains(WRITTEN)) {
                problem = readBack(file, written, o.exitCode == Main.OK);
            }
            count("exit " + o.exitCode);
            if (problem != null) {
                save(problem.equals("hang") ? "hangs" : "crashes", name, m, argv, problem, o);
            } else if (o.containedBug != null) {
                save("contained dissector exceptions", name, m, argv, o.containedBug, o);
            }
            export.delete();
            if (o.millis > longestMillis) {
                longestMillis = o.millis;
                longestRun = name + " " + String.join(" ", template).replace("\u0000", "");
            }
        }
    }

    private void save(String kind, String name, Mutator.Mutant m, List<String> argv, String problem, Outcome o)
            throws IOException {
        count(kind);
        count("  " + kind + ": " + problem);
        String base = String.format(Locale.ROOT, "%s-%03d-%s", kind.replace(' ', '_'), ++findingNumber,
                name.replaceAll("[^A-Za-z0-9._-]", "_"));
        Files.write(findings.resolve(base + ".pcap"), m.bytes());
        Files.writeString(findings.resolve(base + ".txt"), "mutations: " + m.description() + "\nargs: "
                + String.join(" ", argv) + "\nproblem: " + problem + "\nexit: " + o.exitCode + "\nstderr:\n"
                + o.stderr + (o.thrown == null ? "" : "\nthrown: " + o.thrown));
    }

    private void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    /** What one command line did. */
    private static final class Outcome {
        int exitCode = -1;
        String stdout = "";
        String stderr = "";
        Throwable thrown;
        boolean timedOut;
        long millis;
        String containedBug;

        /** The crash or hang this run shows, or null. */
        String problem(List<String> template, String file) {
            if (timedOut) {
                return "hang";
            }
            if (thrown != null) {
                return "thrown " + thrown.getClass().getSimpleName();
            }
            if (exitCode != Main.OK && exitCode != Main.BAD_INPUT) {
                return "exit code " + exitCode;
            }
            if (stderr.contains("internal error") || stderr.contains("\tat ") || stderr.contains("Exception")) {
                return "internal error";
            }
            long lines = stderr.lines().count();
            if (lines > 1) {
                return "more than one error line";
            }
            if (exitCode == Main.BAD_INPUT && !stderr.contains(template.contains(STDIN) ? "The standard input" : file)
                    && !(template.contains(WRITTEN) && UNWRITABLE.matcher(stderr).lookingAt())) {
                return "error not naming the file";
            }
            if (template.contains("json") && !stdout.isEmpty() && !validJson(stdout)) {
                return "invalid JSON";
            }
            if (template.contains("ek") && !stdout.lines().allMatch(MutationRun::validJson)) {
                return "invalid EK line";
            }
            return null;
        }
    }

    private Outcome runOne(String[] argv, byte[] stdin) {
        Outcome o = new Outcome();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread worker = new Thread(() -> {
            try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                o.exitCode = new Main(new ByteArrayInputStream(stdin), out, errStream).run(argv);
            } catch (Throwable t) {
                o.thrown = t;
            }
        }, "mutant");
        long start = System.nanoTime();
        worker.start();
        try {
            worker.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        o.millis = (System.nanoTime() - start) / 1_000_000;
        if (worker.isAlive()) {
            o.timedOut = true;
            stop(worker);
            return o;
        }
        o.stdout = out.toString(StandardCharsets.UTF_8);
        o.stderr = err.toString(StandardCharsets.UTF_8);
        Matcher bug = CONTAINED_BUG.matcher(o.stdout);
        if (bug.find()) {
            o.containedBug = bug.group(1);
        }
        return o;
    }

    /** A hung run holds a CPU: stop it the only way Java 17 still has (deprecated, but this is a test harness). */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        worker.stop();
    }

    private static boolean validJson(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            while (p.nextToken() != null) {
                p.skipChildren();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads back what {@code -w} wrote: it must open and read to its end without an error, and hold
     * the packets read from the mutant (all of them after a clean run; after a damaged input or a
     * packet pcap cannot hold, the ones before). No file is right only when the mutant could not
     * be opened at all (as tshark, jdissect creates the output after opening the input). Null when
     * all is well.
     */
    private String readBack(Path mutant, Path written, boolean complete) {
        if (!Files.exists(written)) {
            return complete ? "-w wrote no file" : null;
        }
        Outcome back = runOne(argv(written), new byte[0]);
        if (back.timedOut) {
            return "hang";
        }
        if (back.thrown != null || back.exitCode != Main.OK || !back.stderr.isEmpty()) {
            return "-w output does not read back: " + back.stderr.lines().findFirst().orElse("exit " + back.exitCode);
        }
        List<String> copy = back.stdout.lines().toList();
        List<String> original = runOne(argv(mutant), new byte[0]).stdout.lines().toList();
        boolean same = complete ? copy.equals(original)
                : copy.size() <= original.size() && copy.equals(original.subList(0, copy.size()));
        return same ? null : "-w output holds other packets than the input";
    }

    private static String[] argv(Path capture) {
        List<String> argv = new ArrayList<>(List.of("-r", capture.toString()));
        argv.addAll(List.of(WRITTEN_FIELDS));
        return argv.toArray(String[]::new);
    }
}
