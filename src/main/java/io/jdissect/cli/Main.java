package io.jdissect.cli;

import io.jdissect.api.Analysis;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.capture.CaptureFiles;
import io.jdissect.capture.CaptureWriter;
import io.jdissect.engine.FieldNeeds;
import io.jdissect.engine.PluginDirectories;
import io.jdissect.export.ExportObjects;
import io.jdissect.field.FieldFormat;
import io.jdissect.filter.DisplayFilter;
import io.jdissect.filter.FilterException;
import io.jdissect.output.BackgroundWriter;
import io.jdissect.output.EkWriter;
import io.jdissect.output.FieldListing;
import io.jdissect.output.FieldValues;
import io.jdissect.output.FieldsFormat;
import io.jdissect.output.FieldsWriter;
import io.jdissect.output.JsonWriter;
import io.jdissect.output.OutputOptions;
import io.jdissect.output.PacketWriter;
import io.jdissect.output.ProtocolFilter;
import io.jdissect.output.SummaryColumns;
import io.jdissect.output.TextWriter;
import io.jdissect.output.TimeFormat;
import io.jdissect.protocols.imf.ImfMessage;
import picocli.CommandLine;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The {@code jdissect} command: tshark's options and output formats over the jdissect engine.
 * Exit codes, as tshark's: {@value #OK} success; {@value #BAD_ARGUMENTS} bad options, unknown
 * {@code -e} fields, bad preferences or Decode-As; {@value #BAD_INPUT} a display filter that does
 * not compile, or a capture that cannot be opened or read to the end (the packets before the damage
 * are printed first). Errors are one line on standard error, never a stack trace.
 */
public final class Main {
    public static final int OK = 0;
    public static final int BAD_ARGUMENTS = 1;
    public static final int BAD_INPUT = 2;
    /** A reader of standard output that went away: the status of a process ended by SIGPIPE, as tshark is. */
    public static final int READER_GONE = 128 + 13;
    private static final List<String> FORMATS = List.of("text", "fields", "json", "ek");

    private final InputStream stdin;
    private final WatchedOutput stdout;
    private final PrintStream stderr;

    /**
     * A command line over the given streams, for running jdissect inside another program or a
     * test (a plugin's tests compare its output with tshark's this way); {@link #run} returns the
     * exit code instead of exiting.
     */
    public Main(InputStream stdin, OutputStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = new WatchedOutput(stdout);
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new Main(System.in, new FileOutputStream(FileDescriptor.out), err).run(args);
        System.exit(code);
    }

    /** Runs the command and returns its exit code; everything thrown becomes a one-line message. */
    public int run(String[] args) {
        try {
            return runChecked(args);
        } catch (UsageException e) {
            stderr.println("jdissect: " + e.getMessage());
            return e.exitCode;
        } catch (Throwable t) {
            if (stdout.readerGone()) {
                return READER_GONE; // tshark is killed by SIGPIPE and says nothing
            }
            stderr.println("jdissect: internal error: " + t);
            return BAD_INPUT;
        }
    }

    private int runChecked(String[] args) throws IOException {
        EarlySetup early = EarlySetup.start();
        CommandLine cl = CliOptions.commandLine();
        CliOptions o;
        try {
            o = CliOptions.of(cl.parseArgs(args));
        } catch (CommandLine.ParameterException e) {
            stderr.println("jdissect: " + e.getMessage());
            stderr.println("Run 'jdissect -h' for the list of options.");
            return BAD_ARGUMENTS;
        }
        if (o.help) {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            cl.usage(w);
            w.flush();
            return OK;
        }
        if (o.version) {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            w.print("jdissect " + version() + " (output compatible with TShark 4.0)\n");
            w.flush();
            return OK;
        }
        FieldFormat.setZone(zoneFromEnvironment());
        // The setup is built once per use (validation, -G, each capture): say each warning once.
        Consumer<String> warnings = onceEach(stderr::println);
        EarlySetup.Setup prepared = early.take(o, warnings);
        ClassLoader plugins = prepared != null ? prepared.plugins() : pluginLoader(o.pluginDirs);
        JDissect jd = prepared != null ? prepared.jd() : setup(o, plugins, warnings);
        FieldRegistry registry = jd.registry().fields();
        if (o.report != null) {
            return report(o.report, registry);
        }
        if (o.validateFilter != null) {
            return validateFilter(o.validateFilter, registry);
        }
        OutputOptions output = outputOptions(o, registry);
        checkFormat(o);
        compileFilter(o.displayFilter, registry);
        checkTwoPass(o);
        Analysis taps = AnalyzerOptions.analysis(o, plugins, registry, stderr::println);
        if (o.eml != null) {
            if (o.file != null || o.writeFile != null || !taps.analyzers().isEmpty()) {
                throw new UsageException(BAD_ARGUMENTS, "--eml reads one message: -r, -w and -z need a capture");
            }
            return dissectEml(jd, o, output);
        }
        if (o.file == null) {
            throw new UsageException(BAD_ARGUMENTS, "no capture file given: use -r FILE (or -r - for standard input)");
        }
        checkCaptureFormat(o.writeFormat);
        try (PacketStream packets = open(jd, o); ExportObjects export = exportObjects(o.exportObjects);
                CaptureWriter capture = captureWriter(o)) {
            DisplayFilter filter = compileFilter(o.displayFilter, packets.engine().registry().fields());
            packets.engine().setFieldNeeds(fieldNeeds(o, filter, taps, export, capture));
            output.columns(new SummaryColumns(output.columns().timeFormat()).interfaces(() -> packets.reader().interfaces()));
            PacketWriter writer = writer(o, output);
            if (o.threads < 1) {
                throw new UsageException(BAD_ARGUMENTS, "Invalid --threads value " + o.threads + ": it must be 1 or more");
            }
            if (o.quiet && !o.dissectAll && o.displayFilter == null && !o.twoPass && taps.analyzers().isEmpty()
                    && export == null && capture == null) {
                return readRecords(packets, writer, o);
            }
            // Filtered field lines cost less to format than to hand to another thread (a wake-up per
            // batch, and the packets' trees kept until written).
            boolean cheapOutput = o.format.equals("fields") && o.displayFilter != null;
            if (o.threads == 1 || o.quiet || o.flush || capture != null || cheapOutput) {
                if (taps.analyzers().isEmpty() && export == null && !o.twoPass && !PluginDirectories.loadsPlugins(plugins)) {
                    // Each packet is written (or dropped) before the next is read, and only the
                    // built-in code sees it: one array for every record spares allocating, and
                    // collecting, the capture's size again ((a) on 1G 1.19 -> 1.10 s).
                    packets.reuseRecordBytes();
                }
                return dissect(packets, filter, writer, export, taps, capture, o, () -> { });
            }
            // The output is formatted beside the dissection: its columns see the interfaces through copies.
            InterfaceSnapshot interfaces = new InterfaceSnapshot(() -> packets.reader().interfaces());
            output.columns().interfaces(interfaces);
            try (BackgroundWriter background = new BackgroundWriter(writer)) {
                return dissect(packets, filter, background, export, taps, capture, o, interfaces::refresh);
            }
        }
    }

    /** Stands for every column in the fields a run reads: summary lines print them. */
    private static final String SUMMARY_COLUMNS = "_ws.col.Info";

    /**
     * The fields this run reads: the filter's, and the printed ones — all of them for a tree, hex
     * dumps or whole JSON (with {@code --tshark-only} too: jdissect's own code adds expert items),
     * the columns ({@code _ws.col.*}) only for summary lines; what the taps say they read (all when
     * one does not say). Exports read what they like: all.
     */
    private static FieldNeeds fieldNeeds(CliOptions o, DisplayFilter filter, Analysis taps,
            ExportObjects export, CaptureWriter capture) {
        Set<String> tapsRead = taps.fieldsRead();
        if (o.dissectAll || tapsRead == null || export != null) {
            return FieldNeeds.ALL;
        }
        Set<String> fields = new HashSet<>(filter.fieldsUsed());
        fields.addAll(tapsRead);
        if (capture == null && !o.quiet) {
            boolean wholeTree = o.format.equals("text") ? o.details || o.hex : o.fields.isEmpty() && !o.format.equals("fields");
            if (wholeTree) {
                // A tree, hex dumps and whole packets in JSON or EK print no column, but for -P's
                // summary lines (tshark 4.0's filters cannot read columns).
                return o.format.equals("text") && o.printSummary ? FieldNeeds.ALL : FieldNeeds.ALL_BUT_COLUMNS;
            }
            fields.addAll(o.fields);
        }
        if (o.format.equals("text") && !o.quiet) {
            fields.add(SUMMARY_COLUMNS); // the columns of the summary lines: pinfo.wants("_ws.col")
        }
        return FieldNeeds.of(fields);
    }

    /**
     * {@code -q} with nothing that reads a field (no filter, analyzer, export or capture to write):
     * as tshark (its {@code do_dissection} off), the records are read but not dissected; a damaged
     * file is still reported as it would be after dissecting.
     */
    private int readRecords(PacketStream packets, PacketWriter writer, CliOptions o) throws IOException {
        writer.begin();
        packets.reuseRecordBytes(); // nothing looks at a record after the next is read
        long read = 0;
        IOException damage = null;
        try {
            while ((o.count == null || read < o.count) && packets.reader().next() != null) {
                read++;
            }
        } catch (IOException e) {
            damage = e;
        }
        writer.finish();
        if (damage != null) {
            stderr.println("jdissect: " + damage.getMessage());
            return BAD_INPUT;
        }
        return OK;
    }

    /** Reads, filters and writes every packet; a damaged capture ends the run after what was read. */
    private int dissect(PacketStream packets, DisplayFilter filter, PacketWriter writer, ExportObjects export,
            Analysis taps, CaptureWriter capture, CliOptions o, Runnable afterRead) throws IOException {
        boolean printing = capture == null; // -w: the packets go to the capture file, nothing is printed
        if (printing) {
            writer.begin();
        }
        long shown = 0;
        IOException damage = null;
        while (o.count == null || shown < o.count) {
            Packet p;
            try {
                p = packets.next();
            } catch (IOException e) {
                damage = e;
                break;
            }
            if (p == null) {
                break;
            }
            afterRead.run();
            if (export != null) {
                export.accept(p); // tshark's export tap sees every packet, before the display filter
            }
            taps.packet(p); // tshark's taps see every packet, before the display filter
            if (!filter.matches(p)) {
                continue;
            }
            packets.engine().markDisplayed(p);
            shown++;
            if (capture != null) {
                writeRecord(capture, p, packets);
            } else if (!o.quiet) {
                writer.write(p);
                if (o.flush) {
                    writer.flush();
                }
            }
        }
        if (printing) {
            writer.finish();
        }
        taps.end();
        AnalyzerOptions.printReports(taps, o.reportFormat, stdout, stderr::println);
        if (damage != null) {
            stderr.println("jdissect: " + damage.getMessage());
            return BAD_INPUT;
        }
        return OK;
    }

    /**
     * {@code --eml FILE}: the message dissected as IMF (as if SMTP had carried it), one packet;
     * {@code --export-objects eml|attachments} exports from it as from a mail transaction.
     */
    private int dissectEml(JDissect jd, CliOptions o, OutputOptions output) throws IOException {
        Path file = Path.of(o.eml);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(BAD_INPUT, "The file \"" + o.eml + "\" doesn't exist or can't be read.");
        }
        byte[] message = Files.readAllBytes(file);
        Packet p = ImfMessage.dissect(message, jd);
        DisplayFilter filter = compileFilter(o.displayFilter, p.info().registry().fields());
        try (ExportObjects export = exportObjects(o.exportObjects)) {
            if (export != null) {
                export.acceptMessage(p.number(), ImfMessage.parse(message), null, null);
            }
        }
        PacketWriter writer = writer(o, output);
        writer.begin();
        if (!o.quiet && (o.count == null || o.count > 0) && filter.matches(p)) {
            writer.write(p);
        }
        writer.finish();
        return OK;
    }

    /** {@code out}, passing each distinct message on once. */
    private static Consumer<String> onceEach(Consumer<String> out) {
        Set<String> said = new HashSet<>();
        return w -> {
            if (said.add(w)) {
                out.accept(w);
            }
        };
    }

    private JDissect setup(CliOptions o, ClassLoader plugins, Consumer<String> warnings) {
        JDissect.Builder b = JDissect.builder().warnings(warnings).classLoader(plugins);
        for (String pref : o.preferences) {
            int colon = pref.indexOf(':');
            if (colon <= 0) {
                throw new UsageException(BAD_ARGUMENTS, "Invalid -o flag \"" + pref + "\"");
            }
            b.preference(pref.substring(0, colon), pref.substring(colon + 1));
        }
        o.decodeAs.forEach(b::decodeAs);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(BAD_ARGUMENTS, e.getMessage());
        }
    }

    /** Plugin jars of {@code --plugins} directories, then of the default user directory. */
    private ClassLoader pluginLoader(List<String> dirs) {
        List<Path> all = new ArrayList<>();
        for (String d : dirs) {
            Path dir = Path.of(d);
            if (!Files.isDirectory(dir)) {
                stderr.println("jdissect: plugin directory \"" + d + "\" doesn't exist or isn't a directory");
            }
            all.add(dir);
        }
        all.add(PluginDirectories.defaultDirectory());
        return PluginDirectories.loader(all, stderr::println);
    }

    private int report(String name, FieldRegistry registry) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        switch (name) {
            case "fields":
                FieldListing.fields(registry, w);
                return OK;
            case "protocols":
                FieldListing.protocols(registry, w);
                return OK;
            default:
                throw new UsageException(BAD_ARGUMENTS, "Invalid -G report \"" + name + "\": jdissect knows \"fields\" and \"protocols\"");
        }
    }

    /** {@code --validate-filter}: the type-checked form, then the fields read; errors as for {@code -Y}. */
    private int validateFilter(String expression, FieldRegistry registry) {
        DisplayFilter filter = compileFilter(expression, registry);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        w.print("Filter: " + filter.describe() + "\n");
        w.print("Fields used: " + String.join(", ", filter.fieldsUsed()) + "\n");
        w.flush();
        return OK;
    }

    private static OutputOptions outputOptions(CliOptions o, FieldRegistry registry) {
        TimeFormat tf = TimeFormat.of(o.timeFormat);
        if (tf == null) {
            throw new UsageException(BAD_ARGUMENTS, "Invalid time stamp type \"" + o.timeFormat
                    + "\"; it must be one of a, ad, adoy, d, dd, e, r, u, ud, udoy");
        }
        OutputOptions out = new OutputOptions().columns(new SummaryColumns(tf)).hexDump(o.hex).tsharkOnly(o.tsharkOnly);
        if (o.expandOnly != null) {
            out.expandOnly(new LinkedHashSet<>(o.expandOnly));
        }
        if (o.jsonFilter != null) {
            out.protocolFilter(ProtocolFilter.parse(o.jsonFilter, false));
        }
        if (o.jsonTopFilter != null) {
            out.protocolFilter(ProtocolFilter.parse(o.jsonTopFilter, true));
        }
        FieldsFormat ff = new FieldsFormat();
        try {
            o.fieldOptions.forEach(ff::set);
        } catch (IllegalArgumentException e) {
            throw new UsageException(BAD_ARGUMENTS, e.getMessage());
        }
        out.fieldsFormat(ff);
        TreeSet<String> invalid = new TreeSet<>();
        for (String f : o.fields) {
            if (registry.lookup(f) == null && !FieldValues.isColumn(f)) {
                invalid.add(f);
            }
            out.field(f);
        }
        if (!invalid.isEmpty()) {
            throw new UsageException(BAD_ARGUMENTS, "Some fields aren't valid:\n\t" + String.join("\n\t", invalid));
        }
        return out;
    }

    private static void writeRecord(CaptureWriter capture, Packet p, PacketStream packets) {
        try {
            capture.write(p.record(), packets.reader().interfaces());
        } catch (IOException e) {
            throw new UsageException(BAD_INPUT, "frame " + p.number() + " can't be written: " + e.getMessage());
        }
    }

    private static void checkCaptureFormat(String format) {
        if (!CaptureWriter.FORMATS.contains(format)) {
            throw new UsageException(BAD_ARGUMENTS, "Invalid -F capture file type \"" + format + "\"; it must be one of: "
                    + String.join(", ", CaptureWriter.FORMATS));
        }
    }

    /** {@code -w FILE} ({@code -} for standard output, left open), or null when not asked for. */
    private CaptureWriter captureWriter(CliOptions o) throws IOException {
        if (o.writeFile == null) {
            return null;
        }
        OutputStream out;
        if (o.writeFile.equals("-")) {
            out = new FilterOutputStream(stdout) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    stdout.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        } else {
            try {
                out = Files.newOutputStream(Path.of(o.writeFile));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new UsageException(BAD_INPUT, "The file \"" + o.writeFile + "\" could not be created: " + e.getMessage());
            }
        }
        return CaptureWriter.create(o.writeFormat, new BufferedOutputStream(out));
    }

    /** {@code --export-objects PROTOCOL,DIR}, or null when not asked for. */
    private static ExportObjects exportObjects(String spec) throws IOException {
        if (spec == null) {
            return null;
        }
        int comma = spec.indexOf(',');
        if (comma <= 0 || comma == spec.length() - 1) {
            throw new UsageException(BAD_ARGUMENTS, "Invalid --export-objects argument \"" + spec
                    + "\": it must be PROTOCOL,DIR with PROTOCOL one of " + String.join(", ", ExportObjects.PROTOCOLS));
        }
        try {
            return ExportObjects.create(spec.substring(0, comma), Path.of(spec.substring(comma + 1)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(BAD_ARGUMENTS, e.getMessage());
        }
    }

    private static DisplayFilter compileFilter(String expression, FieldRegistry registry) {
        try {
            return DisplayFilter.compile(expression, registry);
        } catch (FilterException e) {
            throw new UsageException(BAD_INPUT, e.format(expression));
        }
    }

    /**
     * tshark's rules for {@code -2} and {@code -R}: a read filter needs two passes, and standard
     * input cannot be read twice (jdissect refuses it as tshark does rather than spooling it).
     */
    private static void checkTwoPass(CliOptions o) {
        if (o.readFilter != null && !o.twoPass) {
            throw new UsageException(BAD_ARGUMENTS, "-R without -2 is deprecated. For single-pass filtering use -Y.");
        }
        if (o.twoPass && "-".equals(o.file)) {
            throw new UsageException(BAD_INPUT,
                    "The standard input is a pipe or FIFO; jdissect can't read pipe or FIFO files in two-pass mode.");
        }
    }

    private PacketStream open(JDissect jd, CliOptions o) throws IOException {
        String file = o.file;
        if (file.equals("-")) {
            return wrapOpenError(() -> jd.open(stdin, "-"));
        }
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            // tshark words ENOTDIR (a folder of the path is a file) apart from ENOENT
            throw new UsageException(BAD_INPUT, "The file \"" + file + "\""
                    + (CaptureFiles.parentIsAFile(p) ? " could not be opened: Not a directory." : " doesn't exist."));
        }
        if (Files.isDirectory(p)) {
            throw new UsageException(BAD_INPUT, "\"" + file + "\" is a directory (folder), not a file.");
        }
        if (!Files.isReadable(p)) {
            throw new UsageException(BAD_INPUT, "You don't have permission to read the file \"" + file + "\".");
        }
        if (o.twoPass) {
            DisplayFilter read = o.readFilter == null ? null : compileFilter(o.readFilter, jd.registry().fields());
            return wrapOpenError(() -> jd.openTwoPass(p, read == null ? null : read::matches));
        }
        return wrapOpenError(() -> jd.open(p));
    }

    private interface Opener {
        PacketStream open() throws IOException;
    }

    private static PacketStream wrapOpenError(Opener opener) {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UsageException(BAD_INPUT, e.getMessage());
        }
    }

    private static void checkFormat(CliOptions o) {
        if (!FORMATS.contains(o.format)) {
            throw new UsageException(BAD_ARGUMENTS, "Invalid -T parameter \"" + o.format
                    + "\"; it must be one of: " + String.join(", ", FORMATS));
        }
        if (o.format.equals("fields") && o.fields.isEmpty()) {
            throw new UsageException(BAD_ARGUMENTS, "\"-T fields\" was specified, but no fields were specified with \"-e\".");
        }
        if (!o.fields.isEmpty() && o.format.equals("text")) {
            throw new UsageException(BAD_ARGUMENTS, "\"-e\" was specified, but it needs \"-T fields\", \"-T json\" or \"-T ek\"");
        }
    }

    private PacketWriter writer(CliOptions o, OutputOptions output) throws IOException {
        switch (o.format) {
            case "fields":
                return new FieldsWriter(stdout, output);
            case "json":
                return new JsonWriter(stdout, output);
            case "ek":
                return new EkWriter(stdout, output);
            default:
                boolean summary = o.printSummary || (!o.details && !o.hex);
                return new TextWriter(stdout, output, new TextWriter.Parts(summary, o.details, o.hex));
        }
    }

    /** The zone of TZ (as tshark, absolute times are local); UTC when TZ is unset or unknown. */
    static ZoneId zoneFromEnvironment() {
        String tz = System.getenv("TZ");
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** A problem reported as one line {@code jdissect: <message>} with an exit code. */
    static final class UsageException extends RuntimeException {
        final int exitCode;

        UsageException(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }
}
