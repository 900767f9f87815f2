package io.jdissect.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The command line, with tshark's option letters; parsed by picocli, interpreted by {@link Main}. */
@Command(name = "jdissect", sortOptions = false, usageHelpWidth = 100,
        description = "Dissects packet captures like tshark 4.0: summary lines, packet trees, fields, JSON, EK.")
final class CliOptions {
    @Option(names = {"-r", "--read-file"}, paramLabel = "FILE", description = "capture to read (pcap or pcapng; '-' for standard input)")
    String file;

    @Option(names = "--eml", paramLabel = "FILE", description = "dissect a standalone email message (.eml) instead of a capture")
    String eml;

    @Option(names = "-Y", paramLabel = "FILTER", description = "display filter: show only the packets that match")
    String displayFilter;

    @Option(names = "-2", description = "two passes: the first reads the whole capture, so frames show what later frames told (e.g. the frame a segment is reassembled in); not with -r -")
    boolean twoPass;

    @Option(names = "-R", paramLabel = "FILTER", description = "with -2: read filter, applied in the first pass; frames that fail it are dropped and the others renumbered")
    String readFilter;

    @Option(names = "-c", paramLabel = "N", description = "stop after N displayed packets")
    Long count;

    @Option(names = "-w", paramLabel = "FILE", description = "write the packets that pass -Y to a capture file ('-' for standard output) instead of printing them")
    String writeFile;

    @Option(names = "-F", paramLabel = "FORMAT", description = "with -w: pcapng (default) or pcap")
    String writeFormat = "pcapng";

    @Option(names = "-V", description = "print the packet tree (packet details)")
    boolean details;

    @Option(names = "-O", paramLabel = "PROTOCOLS", split = ",", description = "with -V, expand only these protocols (comma separated)")
    List<String> expandOnly;

    @Option(names = "-x", description = "print a hex and ASCII dump of each packet's data (with -T json: add _raw values)")
    boolean hex;

    @Option(names = {"-P", "--print"}, description = "print the summary line even with -V or -x")
    boolean printSummary;

    @Option(names = "-T", paramLabel = "FORMAT", description = "output format: text (default), fields, json, ek")
    String format = "text";

    @Option(names = "-e", paramLabel = "FIELD", description = "field to print with -T fields|json|ek (repeatable; _ws.col.Info etc. for columns)")
    List<String> fields = new ArrayList<>();

    @Option(names = "-E", paramLabel = "OPTION=VALUE", description = "-T fields options: header=y|n, separator=/t|/s|C, occurrence=f|l|a, aggregator=,|/s|C, quote=d|s|n, bom=y|n")
    List<String> fieldOptions = new ArrayList<>();

    @Option(names = "-j", paramLabel = "\"PROTO FIELD ...\"", description = "with -T json|ek: expand only these protocols and fields")
    String jsonFilter;

    @Option(names = "-J", paramLabel = "\"PROTO ...\"", description = "with -T json|ek: expand only these protocols, with all their children")
    String jsonTopFilter;

    @Option(names = "--no-duplicate-keys", description = "accepted for tshark compatibility: JSON keys are always merged")
    boolean noDuplicateKeys;

    @Option(names = "--tshark-only", description = "leave out jdissect's own fields (<protocol>.x.*): output exactly tshark's fields")
    boolean tsharkOnly;

    @Option(names = "-t", paramLabel = "FORMAT", description = "time column: r (default, since first frame), a, ad, adoy, d, dd, e, u, ud, udoy")
    String timeFormat = "r";

    @Option(names = "-n", description = "no name resolution (accepted; jdissect never resolves names)")
    boolean noResolve;

    @Option(names = "-q", description = "quiet: do not print packets")
    boolean quiet;

    @Option(names = "-l", description = "flush standard output after each packet")
    boolean flush;

    @Option(names = "--threads", paramLabel = "N", description = "threads to use: 1 dissects and writes in one thread, 2 or more formats the output in a second one (default: 2 when the machine has 2 cores or more); the output is the same")
    int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

    @Option(names = "--dissect-all", description = "build every item even when neither the filter nor the output reads it (slower; the output is the same)")
    boolean dissectAll;

    @Option(names = "-o", paramLabel = "NAME:VALUE", description = "set a protocol preference, e.g. smtp.decryption:TRUE (repeatable)")
    List<String> preferences = new ArrayList<>();

    @Option(names = "-d", paramLabel = "LAYER==SELECTOR,PROTOCOL", description = "Decode As, e.g. tcp.port==2525,smtp (repeatable)")
    List<String> decodeAs = new ArrayList<>();

    @Option(names = "-z", paramLabel = "NAME[,ARGS]", description = "run an analyzer and print its report after the packets (repeatable): conv,tcp endpoints,ip io,phs expert follow,tcp,ascii,N credentials smtp,stat smtp,sessions, or a plugin's")
    List<String> statistics = new ArrayList<>();

    @Option(names = "--report-format", paramLabel = "FORMAT", description = "-z reports as text (default, tshark's layout) or json (one JSON array of {analyzer, report})")
    String reportFormat = "text";

    @Option(names = "--export-objects", paramLabel = "PROTOCOL,DIR", description = "export objects of every packet (whatever -Y) to DIR: imf (tshark's), eml, attachments")
    String exportObjects;

    @Option(names = "--plugins", paramLabel = "DIR", description = "also load the plugin jars of DIR (repeatable; ~/.jdissect/plugins or $JDISSECT_PLUGINS always)")
    List<String> pluginDirs = new ArrayList<>();

    @Option(names = "--validate-filter", paramLabel = "FILTER", description = "check a display filter: print its parsed form and the fields it reads, or the error (exit 2)")
    String validateFilter;

    @Option(names = "-G", arity = "0..1", fallbackValue = "fields", paramLabel = "REPORT", description = "print a report and exit: fields (default), protocols")
    String report;

    @Option(names = {"-v", "--version"}, description = "print the version and exit")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;
}
