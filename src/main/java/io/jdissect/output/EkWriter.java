package io.jdissect.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.FieldDef;
import io.jdissect.api.Packet;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * tshark's {@code -T ek} (Elasticsearch bulk format): per packet an index line and a document line
 * {@code {"timestamp": "<epoch ms>", "layers": {…}}}. Each protocol is an object whose fields are
 * flattened into it, keyed {@code <protocol>_<field>} with dots turned into underscores
 * ({@code tcp_tcp_srcport}); booleans are {@code true}/{@code false}, FT_NONE {@code null}, absolute
 * times ISO 8601 UTC, text-only items {@code "text"}, everything else a string. Where tshark repeats
 * a key in one object (the same field under two subtrees), the values are merged into one array in
 * order, so each line is valid JSON.
 */
public final class EkWriter implements SplittableWriter {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final OutputStream out;
    private final JsonGenerator gen;
    private final OutputOptions options;
    private final JsonValues values = new JsonValues();
    private final JsonKey.Table keys = new JsonKey.Table();
    private final List<Level> levels = new ArrayList<>();
    private final SecondText indexNames = new SecondText(JsonWriter::indexName);
    private final SecondText isoSeconds = new SecondText(s -> ISO_SECONDS.format(Instant.ofEpochSecond(s).atOffset(ZoneOffset.UTC)));

    public EkWriter(OutputStream out, OutputOptions options) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.options = options;
        this.gen = JsonGenerators.create(this.out);
        gen.setRootValueSeparator(null);
    }

    /** Each packet's two lines stand alone: a second writer formats them the same (no -e fields: columns follow the displayed packets). */
    @Override
    public PacketWriter continuation(OutputStream out) throws IOException {
        return options.fields().isEmpty() ? new EkWriter(out, options) : null;
    }

    @Override
    public void append(byte[] formatted, int offset, int length) throws IOException {
        gen.flush();
        out.write(formatted, offset, length);
    }

    @Override
    public void write(Packet packet) throws IOException {
        gen.writeStartObject();
        gen.writeObjectFieldStart("index");
        gen.writeStringField("_index", indexNames.of(packet.timestamp().seconds()));
        gen.writeStringField("_type", "doc");
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.writeStartObject();
        Timestamp ts = packet.timestamp();
        int millis = ts.nanos() / 1_000_000;
        gen.writeStringField("timestamp", ts.seconds() + (millis < 10 ? "00" : millis < 100 ? "0" : "") + millis);
        gen.writeFieldName("layers");
        if (options.fields().isEmpty()) {
            writeFlattened(packet.tree(), options.protocolFilter(), 0);
        } else {
            gen.writeStartObject();
            for (String f : options.fields()) {
                List<String> values = FieldValues.values(packet, f, options.columns());
                if (!values.isEmpty()) {
                    gen.writeArrayFieldStart(f.replace('.', '_'));
                    for (String v : values) {
                        gen.writeString(v);
                    }
                    gen.writeEndArray();
                }
            }
            gen.writeEndObject();
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
        if (!options.fields().isEmpty()) { // only -e columns read it; continuations leave it alone
            options.columns().displayed(packet);
        }
    }

    /** Writes {@code node}'s descendants as one object: fields flattened, protocols nested. */
    private void writeFlattened(TreeItem node, ProtocolFilter filter, int depth) throws IOException {
        Level level = level(depth);
        collect(node, filter, level);
        // tshark groups by (parent, field) and writes each group under the field's EK name, so a
        // name can repeat; merging the groups of one name, in order, keeps every value and gives
        // valid JSON. Items in traversal order, bucketed by name, are that order already unless a
        // name has groups under several parents.
        KeyGroups groups = level.groups;
        gen.writeStartObject();
        for (int g = 0; g < groups.groupCount(); g++) {
            JsonKey name = groups.fieldKey(g);
            if (name != null) {
                gen.writeFieldName(name.name);
            } else {
                gen.writeFieldName(groups.text(g));
            }
            boolean several = groups.size(g) > 1;
            if (several) {
                gen.writeStartArray();
            }
            if (several) {
                writeByGroup(level, g, depth);
            } else {
                writeValue(level, groups.first(g), depth);
            }
            if (several) {
                gen.writeEndArray();
            }
        }
        gen.writeEndObject();
        level.clear();
    }

    /**
     * Writes the items of name {@code g} group after group (tshark's ek_fill_attr groups: one
     * parent and one field) in first-seen order. The groups of a name are few (each is a distinct
     * pair of abbreviations), so each item's group is found by comparing it with each group's first.
     */
    private void writeByGroup(Level level, int g, int depth) throws IOException {
        KeyGroups groups = level.groups;
        int pairs = 0;
        for (int i = groups.first(g); i >= 0; i = groups.next(i)) {
            int p = 0;
            while (p < pairs && !sameGroup(level, level.pairFirst[p], i)) {
                p++;
            }
            if (p == pairs) {
                if (pairs == level.pairFirst.length) {
                    level.pairFirst = Arrays.copyOf(level.pairFirst, pairs * 2);
                }
                level.pairFirst[pairs++] = i;
            }
            level.pairOf[i] = p;
        }
        for (int p = 0; p < pairs; p++) {
            for (int i = level.pairFirst[p]; i >= 0; i = groups.next(i)) {
                if (level.pairOf[i] == p) {
                    writeValue(level, i, depth);
                }
            }
        }
    }

    private static boolean sameGroup(Level level, int a, int b) {
        return level.parents[a].equals(level.parents[b]) && key(level.items[a]).equals(key(level.items[b]));
    }

    private static String key(TreeItem item) {
        return item.def() == null ? "text" : item.def().abbrev();
    }

    /**
     * The scratch of one nesting depth: the items of the object being written with the filter in
     * force where each was found and its parent's abbreviation (its ek_fill_attr group is the
     * parent's and its own), grouped by EK name.
     */
    private static final class Level {
        final KeyGroups groups;
        TreeItem[] items = new TreeItem[32];
        ProtocolFilter[] filters = new ProtocolFilter[32];
        String[] parents = new String[32];
        /** While a name is written: each item's group among the name's groups, and each group's first item. */
        int[] pairOf = new int[32];
        int[] pairFirst = new int[4];

        Level(JsonKey.Table keys) {
            groups = new KeyGroups(keys);
        }

        void add(int i, TreeItem item, ProtocolFilter filter, String parent) {
            if (i == items.length) {
                items = Arrays.copyOf(items, i * 2);
                filters = Arrays.copyOf(filters, i * 2);
                parents = Arrays.copyOf(parents, i * 2);
                pairOf = Arrays.copyOf(pairOf, i * 2);
            }
            items[i] = item;
            filters[i] = filter;
            parents[i] = parent;
        }

        /** Forgets the items, so that the scratch does not keep an old packet's tree alive. */
        void clear() {
            int n = groups.itemCount();
            // A loop of our own, not Arrays.fill: its one profile, shared by every caller and array
            // type, made C2 throw away and recompile the writer each time another array met it.
            for (int i = 0; i < n; i++) {
                items[i] = null;
                filters[i] = null;
                parents[i] = null;
            }
            groups.clear();
        }
    }

    private Level level(int depth) {
        while (levels.size() <= depth) {
            levels.add(new Level(keys));
        }
        return levels.get(depth);
    }

    /**
     * Gathers the items under {@code node} in order with their ek_fill_attr group, descending into
     * fields but not into protocols.
     */
    private void collect(TreeItem node, ProtocolFilter filter, Level level) {
        String parent = key(node);
        for (int i = 0, n = node.childCount(); i < n; i++) {
            TreeItem c = node.child(i);
            if (!options.shows(c)) {
                continue;
            }
            FieldDef def = c.def();
            level.add(def == null ? level.groups.add("text") : level.groups.add(keys.of(def, EkWriter::name)), c, filter, parent);
            boolean protocol = def != null && def.isProtocol();
            if (protocol || !c.hasChildren()) {
                continue;
            }
            if (filter == null) {
                collect(c, null, level);
            } else if (def != null && accepts(filter, def.abbrev())) {
                collect(c, filter.includeChildren() ? null : filter, level);
            }
        }
    }

    private void writeValue(Level level, int i, int depth) throws IOException {
        TreeItem item = level.items[i];
        ProtocolFilter filter = level.filters[i];
        FieldDef def = item.def();
        if (def == null) {
            gen.writeString(TreeLabels.label(item));
            return;
        }
        if (filter != null && !accepts(filter, def.abbrev())) {
            gen.writeStartObject();
            gen.writeStringField("filtered", def.abbrev());
            gen.writeEndObject();
            return;
        }
        switch (def.type()) {
            case FT_PROTOCOL:
                writeFlattened(item, filter != null && filter.includeChildren() ? null : filter, depth + 1);
                break;
            case FT_NONE:
                gen.writeNull();
                break;
            case FT_BOOLEAN:
                gen.writeBoolean(item.longValue() != 0);
                break;
            case FT_ABSOLUTE_TIME:
                gen.writeString(isoTime((Timestamp) item.value()));
                break;
            default:
                values.write(gen, item);
        }
    }

    /** ISO 8601 in UTC with nine decimals: {@code 2026-11-22T08:08:20.058869000Z}. */
    private String isoTime(Timestamp t) {
        if (!FieldFormat.representable(t.seconds())) {
            return FieldFormat.NOT_REPRESENTABLE;
        }
        StringBuilder sb = new StringBuilder(32).append(isoSeconds.of(t.seconds())).append('.');
        FieldFormat.appendNineDigits(sb, t.nanos());
        return sb.append('Z').toString();
    }

    /** EK filters match the abbreviation with dots or with underscores. */
    private static boolean accepts(ProtocolFilter f, String abbrev) {
        return f.accepts(abbrev) || f.accepts(abbrev.replace('.', '_'));
    }

    /** {@code <protocol>_<field>} with dots as underscores; a protocol by its own name. */
    static String name(FieldDef def) {
        String n = def.isProtocol() ? def.abbrev() : def.protocol().abbrev() + "_" + def.abbrev();
        return n.replace('.', '_');
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        gen.flush();
        out.flush();
    }
}
