package io.jdissect.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line, with tshark's option letters: declared for picocli, interpreted by {@link Main}.
 *
 * <p>Declared in code rather than with picocli's annotations: reading annotations makes the JDK spin a
 * proxy class per annotation type with its internal copy of ASM at every start (five classes, and 36
 * JIT compiles of ASM beside the dissection of (b) on 1 GB; a run on a small capture took 0.155 s
 * instead of 0.140 s). Each option is declared in {@link #commandLine()} and read, with its default,
 * in {@link #of}, in the same order.
 */
final class CliOptions {
    String file;
    String eml;
    String displayFilter;
    boolean twoPass;
    String readFilter;
    Long count;
    String writeFile;
    String writeFormat;
    boolean details;
    List<String> expandOnly;
    boolean hex;
    boolean printSummary;
    String format;
    List<String> fields;
    List<String> fieldOptions;
    String jsonFilter;
    String jsonTopFilter;
    boolean noDuplicateKeys;
    boolean tsharkOnly;
    String timeFormat;
    boolean noResolve;
    boolean quiet;
    boolean flush;
    int threads;
    boolean dissectAll;
    List<String> preferences;
    List<String> decodeAs;
    List<String> statistics;
    String reportFormat;
    String exportObjects;
    List<String> pluginDirs;
    String validateFilter;
    String report;
    boolean version;
    boolean help;

    private CliOptions() {
    }

    /** picocli's model of the command line, ready to parse one argument list. */
    static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name("jdissect");
        spec.usageMessage().sortOptions(false).width(100)
                .description("Dissects packet captures like tshark 4.0: summary lines, packet trees, fields, JSON, EK.");
        spec.addOption(value(String.class, "FILE", "capture to read (pcap or pcapng; '-' for standard input)", "-r", "--read-file").build());
        spec.addOption(value(String.class, "FILE", "dissect a standalone email message (.eml) instead of a capture", "--eml").build());
        spec.addOption(value(String.class, "FILTER", "display filter: show only the packets that match", "-Y").build());
        spec.addOption(flag("two passes: the first reads the whole capture, so frames show what later frames told (e.g. the frame a segment is reassembled in); not with -r -", "-2"));
        spec.addOption(value(String.class, "FILTER", "with -2: read filter, applied in the first pass; frames that fail it are dropped and the others renumbered", "-R").build());
        spec.addOption(value(Long.class, "N", "stop after N displayed packets", "-c").build());
        spec.addOption(value(String.class, "FILE", "write the packets that pass -Y to a capture file ('-' for standard output) instead of printing them", "-w").build());
        spec.addOption(value(String.class, "FORMAT", "with -w: pcapng (default) or pcap", "-F").build());
        spec.addOption(flag("print the packet tree (packet details)", "-V"));
        spec.addOption(list("PROTOCOLS", "with -V, expand only these protocols (comma separated)", "-O").splitRegex(",").build());
        spec.addOption(flag("print a hex and ASCII dump of each packet's data (with -T json: add _raw values)", "-x"));
        spec.addOption(flag("print the summary line even with -V or -x", "-P", "--print"));
        spec.addOption(value(String.class, "FORMAT", "output format: text (default), fields, json, ek", "-T").build());
        spec.addOption(list("FIELD", "field to print with -T fields|json|ek (repeatable; _ws.col.Info etc. for columns)", "-e").build());
        spec.addOption(list("OPTION=VALUE", "-T fields options: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=,|/s|C, quote=d|s|n, bom=y|n", "-E").build());
        spec.addOption(value(String.class, "\"PROTO FIELD ...\"", "with -T json|ek: expand only these protocols and fields", "-j").build());
        spec.addOption(value(String.class, "\"PROTO ...\"", "with -T json|ek: expand only these protocols, with all their children", "-J").build());
        spec.addOption(flag("accepted for tshark compatibility: JSON keys are always merged", "--no-duplicate-keys"));
        spec.addOption(flag("leave out jdissect's own fields (<protocol>.x.*): output exactly tshark's fields", "--tshark-only"));
        spec.addOption(value(String.class, "FORMAT", "time column: r (default, since first frame), a, ad, adoy, d, dd, e, u, ud, udoy", "-t").build());
        spec.addOption(flag("no name resolution (accepted; jdissect never resolves names)", "-n"));
        spec.addOption(flag("quiet: do not print packets", "-q"));
        spec.addOption(flag("flush standard output after each packet", "-l"));
        spec.addOption(value(int.class, "N", "threads to use: 1 dissects and writes in one thread, 2 or more formats the output in a second one (default: 2 when the machine has 2 cores or more); the output is the same", "--threads").build());
        spec.addOption(flag("build every item even when neither the filter nor the output reads it (slower; the output is the same)", "--dissect-all"));
        spec.addOption(list("NAME:VALUE", "set a protocol preference, e.g. smtp.decryption:TRUE (repeatable)", "-o").build());
        spec.addOption(list("LAYER==SELECTOR,PROTOCOL", "Decode As, e.g. tcp.port==2525,smtp (repeatable)", "-d").build());
        spec.addOption(list("NAME[,ARGS]", "run an analyzer and print its report after the packets (repeatable): conv,tcp endpoints,ip io,phs expert follow,tcp,ascii,N credentials smtp,stat smtp,sessions, or a plugin's", "-z").build());
        spec.addOption(value(String.class, "FORMAT", "-z reports as text (default, tshark's layout) or json (one JSON array of {analyzer, report})", "--report-format").build());
        spec.addOption(value(String.class, "PROTOCOL,DIR", "export objects of every packet (whatever -Y) to DIR: imf (tshark's), eml, attachments", "--export-objects").build());
        spec.addOption(list("DIR", "also load the plugin jars of DIR (repeatable; ~/.jdissect/plugins or $JDISSECT_PLUGINS always)", "--plugins").build());
        spec.addOption(value(String.class, "FILTER", "check a display filter: print its parsed form and the fields it reads, or the error (exit 2)", "--validate-filter").build());
        spec.addOption(value(String.class, "REPORT", "print a report and exit: fields (default), protocols", "-G").arity("0..1").fallbackValue("fields").build());
        spec.addOption(flag("print the version and exit", "-v", "--version"));
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("print this help and exit").build());
        return new CommandLine(spec);
    }

    /** The options of a parsed command line, with their defaults where they were not given. */
    static CliOptions of(ParseResult r) {
        CliOptions o = new CliOptions();
        o.file = r.matchedOptionValue("-r", null);
        o.eml = r.matchedOptionValue("--eml", null);
        o.displayFilter = r.matchedOptionValue("-Y", null);
        o.twoPass = r.hasMatchedOption("-2");
        o.readFilter = r.matchedOptionValue("-R", null);
        o.count = r.matchedOptionValue("-c", null);
        o.writeFile = r.matchedOptionValue("-w", null);
        o.writeFormat = r.matchedOptionValue("-F", "pcapng");
        o.details = r.hasMatchedOption("-V");
        o.expandOnly = r.matchedOptionValue("-O", null);
        o.hex = r.hasMatchedOption("-x");
        o.printSummary = r.hasMatchedOption("-P");
        o.format = r.matchedOptionValue("-T", "text");
        o.fields = r.matchedOptionValue("-e", new ArrayList<>());
        o.fieldOptions = r.matchedOptionValue("-E", new ArrayList<>());
        o.jsonFilter = r.matchedOptionValue("-j", null);
        o.jsonTopFilter = r.matchedOptionValue("-J", null);
        o.noDuplicateKeys = r.hasMatchedOption("--no-duplicate-keys");
        o.tsharkOnly = r.hasMatchedOption("--tshark-only");
        o.timeFormat = r.matchedOptionValue("-t", "r");
        o.noResolve = r.hasMatchedOption("-n");
        o.quiet = r.hasMatchedOption("-q");
        o.flush = r.hasMatchedOption("-l");
        o.threads = r.matchedOptionValue("--threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
        o.dissectAll = r.hasMatchedOption("--dissect-all");
        o.preferences = r.matchedOptionValue("-o", new ArrayList<>());
        o.decodeAs = r.matchedOptionValue("-d", new ArrayList<>());
        o.statistics = r.matchedOptionValue("-z", new ArrayList<>());
        o.reportFormat = r.matchedOptionValue("--report-format", "text");
        o.exportObjects = r.matchedOptionValue("--export-objects", null);
        o.pluginDirs = r.matchedOptionValue("--plugins", new ArrayList<>());
        o.validateFilter = r.matchedOptionValue("--validate-filter", null);
        o.report = r.matchedOptionValue("-G", null);
        o.version = r.hasMatchedOption("-v");
        o.help = r.hasMatchedOption("-h");
        return o;
    }

    private static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).description(description).build();
    }

    private static OptionSpec.Builder value(Class<?> type, String label, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description);
    }

    /** A repeatable option: each occurrence adds a value. */
    private static OptionSpec.Builder list(String label, String description, String... names) {
        return value(List.class, label, description, names).auxiliaryTypes(String.class);
    }
}
