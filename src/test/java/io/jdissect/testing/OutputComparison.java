package io.jdissect.testing;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;
import io.jdissect.output.EkWriter;
import io.jdissect.output.JsonWriter;
import io.jdissect.output.OutputOptions;
import io.jdissect.output.PacketWriter;
import io.jdissect.output.SummaryColumns;
import io.jdissect.output.TextWriter;
import io.jdissect.output.TimeFormat;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares jdissect's writers with tshark's stored outputs for one shared capture, protocol by
 * protocol: only the layers in {@link #COMPARED_LAYERS} that jdissect has registered are compared,
 * so the comparison widens by itself as protocols land (add them to the list when they do). Only
 * frames whose protocols (tshark's {@code frame.protocols}) jdissect all dissects are compared, and
 * tshark's side goes through {@link KnownDifferences} first. jdissect's own fields are left out.
 * Each method returns the mismatches, one line each, empty when jdissect agrees with tshark.
 */
public final class OutputComparison {
    /** Layers whose output is compared with tshark's; extend as dissectors land. */
    public static final List<String> COMPARED_LAYERS = List.of("frame", "eth", "sll", "ip", "ipv6", "tcp", "udp", "fddi", "llc", "smtp", "imf");
    private static final int LIMIT = 40;

    private final SharedTestdata.Capture capture;
    private final Set<String> layers;
    /** Frame numbers whose protocols (tshark's frame.protocols) are all dissected by jdissect. */
    private final Set<Integer> comparable = new java.util.HashSet<>();

    public OutputComparison(SharedTestdata.Capture capture) {
        this.capture = capture;
        FieldFormat.setZone(ZoneOffset.UTC);
        JDissect jd = setup(capture);
        var registry = jd.registry().fields();
        this.layers = Set.copyOf(COMPARED_LAYERS.stream().filter(l -> registry.lookupProtocol(l) != null).toList());
        SharedTestdata.FieldsTable.read(capture.fieldsTsv()).columnByFrame("frame.protocols").forEach((frame, protos) -> {
            if (java.util.Arrays.stream(protos.split(":")).allMatch(p -> registry.lookupProtocol(p) != null)) {
                comparable.add(frame);
            }
        });
    }

    /** Writers as compared: jdissect's own fields left out. */
    private static OutputOptions options() {
        return new OutputOptions().tsharkOnly(true);
    }

    public String captureName() {
        return capture.name();
    }

    /** The layers compared for this setup (the listed ones jdissect has). */
    public Set<String> layers() {
        return layers;
    }

    /** {@code -T json}: each packet's compared layers, keys and values, equal to tshark's (duplicate keys merged). */
    public List<String> json() throws IOException {
        List<?> theirs = (List<?>) parse(Files.newInputStream(capture.json())).get(0);
        List<?> ours = (List<?>) parse(new ByteArrayInputStream(run(o -> new JsonWriter(o, options())))).get(0);
        List<String> out = new ArrayList<>();
        comparePackets(theirs, ours, p -> (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) p).get("_source")).get("layers"), out);
        return out;
    }

    /** {@code -T ek}: the document lines' timestamps and compared layers equal to tshark's. */
    public List<String> ek() throws IOException {
        List<Object> theirs = documents(parse(Files.newInputStream(capture.ek())));
        List<Object> ours = documents(parse(new ByteArrayInputStream(run(o -> new EkWriter(o, options())))));
        List<String> out = new ArrayList<>();
        comparePackets(theirs, ours, p -> (Map<?, ?>) ((Map<?, ?>) p).get("layers"), out);
        for (int i = 0; i < Math.min(theirs.size(), ours.size()) && out.size() < LIMIT; i++) {
            MergedJson.diff("frame " + (i + 1) + " timestamp", ((Map<?, ?>) theirs.get(i)).get("timestamp"),
                    ((Map<?, ?>) ours.get(i)).get("timestamp"), out, LIMIT);
        }
        return out;
    }

    /** {@code -V}: the lines of each compared top-level item equal to tshark's, packet by packet. */
    public List<String> verbose() throws IOException {
        List<List<String>> theirs = splitVerbose(Files.readAllLines(capture.verbose(), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        int index = 0;
        try (PacketStream packets = open()) {
            Packet p;
            while ((p = packets.next()) != null && out.size() < LIMIT) {
                packets.engine().markDisplayed(p);
                if (index >= theirs.size()) {
                    out.add("frame " + p.number() + ": tshark has no such frame");
                    break;
                }
                List<String> theirPacket = theirs.get(index++);
                if (!comparable.contains((int) p.number())) {
                    continue;
                }
                List<List<String>> theirBlocks = blocks(KnownDifferences.normalizeTsharkLines(theirPacket));
                List<List<String>> ourBlocks = blocks(verboseLines(p));
                List<TreeItem> top = p.layers().stream().filter(i -> !i.isHidden()).toList();
                for (int b = 0; b < ourBlocks.size() && b < top.size(); b++) {
                    TreeItem item = top.get(b);
                    if (item.def() == null || !layers.contains(item.def().protocol().abbrev())) {
                        continue;
                    }
                    List<String> t = b < theirBlocks.size() ? theirBlocks.get(b) : List.of();
                    compareLines("frame " + p.number() + " " + item.def().protocol().abbrev() + " (" + item.def().abbrev() + ")",
                            t, ourBlocks.get(b), out);
                }
            }
        }
        if (index < theirs.size() && out.size() < LIMIT) {
            out.add("jdissect stopped after " + index + " frames, tshark has " + theirs.size());
        }
        return out;
    }

    private static final Pattern SUMMARY = Pattern.compile("^ *(\\d+) +(\\S+(?: \\S+)?) +(\\S*) \u2192 (\\S*) +(\\S+) (\\d+) ?(.*)$");

    /**
     * Summary lines against tshark's ({@code expected} lines of {@code tshark -r capture [-t format]}):
     * No., Time, Source, Destination and Length always, the whole line when the Protocol column
     * names a compared layer (then Info comes from a compared dissector).
     */
    public List<String> summary(List<String> expected, TimeFormat format) throws IOException {
        OutputOptions options = options();
        List<String> out = new ArrayList<>();
        int index = 0;
        try (PacketStream packets = open()) {
            SummaryColumns columns = new SummaryColumns(format).interfaces(() -> packets.reader().interfaces());
            options.columns(columns);
            Packet p;
            while ((p = packets.next()) != null && out.size() < LIMIT) {
                packets.engine().markDisplayed(p);
                if (index >= expected.size()) {
                    out.add("frame " + p.number() + ": tshark has no such frame");
                    break;
                }
                String theirs = expected.get(index++);
                String ours = TextWriter.summaryLine(p, columns);
                columns.displayed(p);
                if (!comparable.contains((int) p.number())) {
                    continue;
                }
                Matcher t = SUMMARY.matcher(theirs);
                Matcher o = SUMMARY.matcher(ours);
                if (!t.matches() || !o.matches()) {
                    if (!theirs.equals(ours)) {
                        out.add("frame " + p.number() + ": tshark '" + theirs + "' jdissect '" + ours + "'");
                    }
                    continue;
                }
                boolean whole = layers.contains(t.group(5).toLowerCase(java.util.Locale.ROOT));
                int[] groups = whole ? new int[] {0} : new int[] {1, 2, 3, 4, 6};
                for (int g : groups) {
                    if (!t.group(g).equals(o.group(g))) {
                        out.add("frame " + p.number() + " summary column " + g + ": tshark '" + t.group(g) + "' jdissect '" + o.group(g) + "'");
                    }
                }
            }
        }
        if (index < expected.size() && out.size() < LIMIT) {
            out.add("jdissect stopped after " + index + " frames, tshark has " + expected.size());
        }
        return out;
    }

    private void comparePackets(List<?> theirs, List<?> ours, Function<Object, Map<?, ?>> layersOf, List<String> out) {
        if (theirs.size() != ours.size()) {
            out.add("packets: tshark " + theirs.size() + " jdissect " + ours.size());
        }
        for (int i = 0; i < Math.min(theirs.size(), ours.size()) && out.size() < LIMIT; i++) {
            if (!comparable.contains(i + 1)) {
                continue;
            }
            Map<?, ?> t = layersOf.apply(theirs.get(i));
            Map<?, ?> o = layersOf.apply(ours.get(i));
            for (String layer : layers) {
                if (t.containsKey(layer) || o.containsKey(layer)) {
                    Object expected = KnownDifferences.normalizeTshark(layer, t.get(layer));
                    MergedJson.diff("frame " + (i + 1) + " " + layer, expected, o.get(layer), out, LIMIT);
                }
            }
        }
    }

    private static void compareLines(String where, List<String> theirs, List<String> ours, List<String> out) {
        int n = Math.max(theirs.size(), ours.size());
        for (int i = 0; i < n; i++) {
            String t = i < theirs.size() ? theirs.get(i) : "(nothing)";
            String o = i < ours.size() ? ours.get(i) : "(nothing)";
            if (!t.equals(o)) {
                out.add(where + " line " + (i + 1) + ": tshark '" + t.strip() + "' jdissect '" + o.strip() + "'");
                return;
            }
        }
    }

    /** tshark's -V output cut into packets: each starts with a top-level {@code Frame N:} line. */
    private static List<List<String>> splitVerbose(List<String> lines) {
        List<List<String>> packets = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("Frame ")) {
                packets.add(new ArrayList<>());
            }
            if (!packets.isEmpty()) {
                packets.get(packets.size() - 1).add(l);
            }
        }
        return packets;
    }

    /** A packet's lines cut into top-level items (a line without indentation starts one); blank lines dropped. */
    private static List<List<String>> blocks(List<String> packet) {
        List<List<String>> out = new ArrayList<>();
        for (String l : packet) {
            if (l.isEmpty()) {
                continue;
            }
            if (!l.startsWith(" ") && !isHexLine(l)) {
                out.add(new ArrayList<>());
            }
            if (!out.isEmpty()) {
                out.get(out.size() - 1).add(l);
            }
        }
        return out;
    }

    private static boolean isHexLine(String l) {
        return l.matches("^[0-9a-f]{4,8}  .*");
    }

    private static List<String> verboseLines(Packet p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextWriter w = new TextWriter(bytes, options(), TextWriter.Parts.DETAILS);
        w.write(p);
        w.finish();
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n", -1));
    }

    private byte[] run(WriterFactory factory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketWriter w = factory.create(bytes);
        w.begin();
        try (PacketStream packets = open()) {
            Packet p;
            while ((p = packets.next()) != null) {
                packets.engine().markDisplayed(p);
                w.write(p);
            }
        }
        w.finish();
        return bytes.toByteArray();
    }

    private interface WriterFactory {
        PacketWriter create(ByteArrayOutputStream out) throws IOException;
    }

    /** Opens the capture with its tshark options; skips the test while jdissect has no capture reader. */
    private PacketStream open() throws IOException {
        try {
            return setup(capture).open(capture.file());
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("capture readers not available yet: " + e.getMessage());
            throw e;
        }
    }

    /** The capture's tshark options applied; skips while they name a protocol jdissect lacks (-d …,smtp). */
    private static JDissect setup(SharedTestdata.Capture capture) {
        try {
            return FieldsComparison.setupFor(capture);
        } catch (IllegalArgumentException e) {
            Assumptions.abort("tshark options of " + capture.name() + " not applicable yet: " + e.getMessage());
            throw e;
        }
    }

    private static List<Object> parse(InputStream in) throws IOException {
        try (in) {
            return MergedJson.parseAll(in);
        }
    }

    /** The document lines of EK output (every second line). */
    private static List<Object> documents(List<Object> lines) {
        List<Object> docs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 2) {
            docs.add(lines.get(i));
        }
        return docs;
    }

    private static final Pattern LAYER = Pattern.compile("^frame \\d+ ([^/: (\\[]+).*", Pattern.DOTALL);

    /** The layer a mismatch line is about ("tcp", "summary"), or "*" for whole-capture problems. */
    public static String layerOf(String mismatch) {
        Matcher m = LAYER.matcher(mismatch);
        return m.matches() ? m.group(1) : "*";
    }

    /** Reads a test resource's lines (the stored tshark summaries). */
    public static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = OutputComparison.class.getResourceAsStream(name)) {
            Assumptions.assumeTrue(in != null, "no resource " + name);
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

}
