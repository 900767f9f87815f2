package io.jdissect.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tshark's {@code -T ek} (Elasticsearch bulk format): per packet an index line and a document line
 * {@code {"timestamp": "<epoch ms>", "layers": {…}}}. Each protocol is an object whose fields are
 * flattened into it, keyed {@code <protocol>_<field>} with dots turned into underscores
 * ({@code tcp_tcp_srcport}); booleans are {@code true}/{@code false}, FT_NONE {@code null}, absolute
 * times ISO 8601 UTC, text-only items {@code "text"}, everything else a string. Where tshark repeats
 * a key in one object (the same field under two subtrees), the values are merged into one array in
 * order, so each line is valid JSON.
 */
public final class EkWriter implements PacketWriter {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final OutputStream out;
    private final Map<FieldDef, String> names = new HashMap<>();
    private final JsonGenerator gen;
    private final OutputOptions options;
    private final JsonValues values = new JsonValues();

    public EkWriter(OutputStream out, OutputOptions options) throws IOException {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.options = options;
        this.gen = new JsonFactory().createGenerator(this.out, JsonEncoding.UTF8);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setRootValueSeparator(null);
    }

    @Override
    public void write(Packet packet) throws IOException {
        gen.writeStartObject();
        gen.writeObjectFieldStart("index");
        gen.writeStringField("_index", JsonWriter.indexName(packet));
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
            writeFlattened(packet.tree(), options.protocolFilter());
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
        options.columns().displayed(packet);
    }

    /** Writes {@code node}'s descendants as one object: fields flattened, protocols nested. */
    private void writeFlattened(TreeItem node, ProtocolFilter filter) throws IOException {
        List<Attr> attrs = new ArrayList<>();
        collect(node, filter, attrs);
        // tshark groups by (parent, field) and writes each group under the field's EK name, so a
        // name can repeat; merging the groups of one name, in order, keeps every value and gives
        // valid JSON. Items in traversal order, bucketed by name, are that order already unless a
        // name has groups under several parents.
        Map<String, List<Attr>> byName = new LinkedHashMap<>();
        for (Attr a : attrs) {
            byName.computeIfAbsent(cachedName(a.item()), k -> new ArrayList<>(1)).add(a);
        }
        gen.writeStartObject();
        for (Map.Entry<String, List<Attr>> e : byName.entrySet()) {
            gen.writeFieldName(e.getKey());
            List<Attr> list = byGroup(e.getValue());
            if (list.size() > 1) {
                gen.writeStartArray();
            }
            for (Attr a : list) {
                writeValue(a);
            }
            if (list.size() > 1) {
                gen.writeEndArray();
            }
        }
        gen.writeEndObject();
    }

    /** The items of one name, group after group (tshark's ek_fill_attr groups) in first-seen order. */
    private static List<Attr> byGroup(List<Attr> items) {
        String parent = items.get(0).parent();
        boolean oneGroup = true;
        for (Attr a : items) {
            if (!a.parent().equals(parent) || !a.key().equals(items.get(0).key())) {
                oneGroup = false;
                break;
            }
        }
        if (oneGroup) {
            return items;
        }
        Map<List<String>, List<Attr>> groups = new LinkedHashMap<>();
        for (Attr a : items) {
            groups.computeIfAbsent(List.of(a.parent(), a.key()), k -> new ArrayList<>()).add(a);
        }
        List<Attr> out = new ArrayList<>(items.size());
        groups.values().forEach(out::addAll);
        return out;
    }

    /**
     * An item to write, the filter in force where it was found, and its ek_fill_attr group: the
     * parent's abbreviation and its own.
     */
    private record Attr(TreeItem item, ProtocolFilter filter, String parent, String key) {
    }

    /**
     * Gathers the items under {@code node} in order with their ek_fill_attr group, descending into
     * fields but not into protocols.
     */
    private void collect(TreeItem node, ProtocolFilter filter, List<Attr> attrs) {
        String parent = node.def() == null ? "text" : node.def().abbrev();
        for (TreeItem c : node.children()) {
            if (!options.shows(c)) {
                continue;
            }
            attrs.add(new Attr(c, filter, parent, c.def() == null ? "text" : c.def().abbrev()));
            boolean protocol = c.def() != null && c.def().isProtocol();
            if (protocol || !c.hasChildren()) {
                continue;
            }
            if (filter == null) {
                collect(c, null, attrs);
            } else if (c.def() != null && accepts(filter, c.def().abbrev())) {
                collect(c, filter.includeChildren() ? null : filter, attrs);
            }
        }
    }

    private void writeValue(Attr a) throws IOException {
        TreeItem item = a.item();
        FieldDef def = item.def();
        if (def == null) {
            gen.writeString(TreeLabels.label(item));
            return;
        }
        if (a.filter() != null && !accepts(a.filter(), def.abbrev())) {
            gen.writeStartObject();
            gen.writeStringField("filtered", def.abbrev());
            gen.writeEndObject();
            return;
        }
        switch (def.type()) {
            case FT_PROTOCOL:
                writeFlattened(item, a.filter() != null && a.filter().includeChildren() ? null : a.filter());
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
    static String isoTime(Timestamp t) {
        if (!FieldFormat.representable(t.seconds())) {
            return FieldFormat.NOT_REPRESENTABLE;
        }
        StringBuilder sb = new StringBuilder(32).append(ISO_SECONDS.format(Instant.ofEpochSecond(t.seconds()).atOffset(ZoneOffset.UTC)))
                .append('.');
        FieldFormat.appendNineDigits(sb, t.nanos());
        return sb.append('Z').toString();
    }

    /** EK filters match the abbreviation with dots or with underscores. */
    private static boolean accepts(ProtocolFilter f, String abbrev) {
        return f.accepts(abbrev) || f.accepts(abbrev.replace('.', '_'));
    }

    /** {@link #name}, computed once per field: it is asked for every item. */
    private String cachedName(TreeItem item) {
        FieldDef def = item.def();
        return def == null ? "text" : names.computeIfAbsent(def, d -> name(item));
    }

    /** {@code <protocol>_<field>} with dots as underscores; a protocol by its own name; text as "text". */
    static String name(TreeItem item) {
        FieldDef def = item.def();
        if (def == null) {
            return "text";
        }
        String n = def.isProtocol() ? def.abbrev() : def.protocol().abbrev() + "_" + def.abbrev();
        return n.replace('.', '_');
    }

    @Override
    public void finish() throws IOException {
        gen.flush();
        out.flush();
    }
}
