package io.jdissect.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.Packet;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tshark's {@code -T json}: an array of {@code {"_index", "_type", "_score", "_source": {"layers":
 * …}}} objects, pretty-printed with tshark's 2-space layout. Each field is a key with its value as a
 * JSON string; a field with children is followed by {@code "<key>_tree": {…}}; text-only items are
 * keys with value {@code ""}; hidden fields are included. Unlike tshark (which repeats keys), keys
 * that occur several times in one object are merged into one key with an array of the values in
 * order — tshark's output with its duplicate keys merged — so the output is always valid JSON.
 * {@code -j}/{@code -J} filter protocols, {@code -e} writes only the listed fields, {@code -x} adds
 * {@code "<key>_raw": [hex, offset, length, bitmask, type]}.
 *
 * <pre>{@code
 * JsonWriter w = new JsonWriter(System.out, new OutputOptions());
 * w.begin();
 * for (Packet p : packets) w.write(p);
 * w.finish();
 * }</pre>
 */
public final class JsonWriter implements PacketWriter {
    /** Objects with more items than this are grouped through a map (see {@link #writeChildren}). */
    private static final int PAIRWISE_MAX = 64;

    private final OutputStream out;
    private final JsonGenerator gen;
    private final OutputOptions options;
    private final JsonValues values = new JsonValues();

    public JsonWriter(OutputStream out, OutputOptions options) throws IOException {
        // Jackson's UTF-8 generator writes bytes itself: no char buffer and no second encoding pass.
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.options = options;
        this.gen = new JsonFactory().createGenerator(this.out, JsonEncoding.UTF8);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setPrettyPrinter(tsharkLayout());
    }

    /** tshark's json_dumper layout: {@code "key": value}, 2-space indent, one value per line, {@code {}} when empty. */
    private static DefaultPrettyPrinter tsharkLayout() {
        Separators s = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(s);
        pp.indentArraysWith(indenter);
        pp.indentObjectsWith(indenter);
        return pp;
    }

    @Override
    public void begin() throws IOException {
        gen.writeStartArray();
    }

    @Override
    public void write(Packet packet) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("_index", indexName(packet));
        gen.writeStringField("_type", "doc");
        gen.writeNullField("_score");
        gen.writeObjectFieldStart("_source");
        gen.writeFieldName("layers");
        if (options.fields().isEmpty()) {
            writeChildren(packet.tree(), options.protocolFilter());
        } else {
            gen.writeStartObject();
            for (String f : options.fields()) {
                List<String> values = FieldValues.values(packet, f, options.columns());
                if (!values.isEmpty()) {
                    gen.writeArrayFieldStart(f);
                    for (String v : values) {
                        gen.writeString(v);
                    }
                    gen.writeEndArray();
                }
            }
            gen.writeEndObject();
        }
        gen.writeEndObject();
        gen.writeEndObject();
        options.columns().displayed(packet);
    }

    /** Writes the children of {@code parent} as one object, grouping items with the same key. */
    private void writeChildren(TreeItem parent, ProtocolFilter filter) throws IOException {
        gen.writeStartObject();
        List<TreeItem> shown = new ArrayList<>(parent.children().size());
        for (TreeItem c : parent.children()) {
            if (options.shows(c)) {
                shown.add(c);
            }
        }
        int n = shown.size();
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(shown.get(i));
        }
        if (n > PAIRWISE_MAX) {
            // Text lines of a message body: thousands of items, grouped through a map.
            Map<String, List<TreeItem>> groups = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                groups.computeIfAbsent(keys[i], k -> new ArrayList<>(1)).add(shown.get(i));
            }
            for (Map.Entry<String, List<TreeItem>> group : groups.entrySet()) {
                writeGroup(group.getKey(), group.getValue(), filter);
            }
            gen.writeEndObject();
            return;
        }
        // A layer has a few dozen items, most with a key of their own: pairwise comparison (field
        // definitions by identity) is cheaper than a map of lists per object.
        boolean[] written = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (written[i]) {
                continue;
            }
            List<TreeItem> group = null;
            for (int j = i + 1; j < n; j++) {
                if (!written[j] && sameKey(shown.get(i), keys[i], shown.get(j), keys[j])) {
                    if (group == null) {
                        group = new ArrayList<>(4);
                        group.add(shown.get(i));
                    }
                    group.add(shown.get(j));
                    written[j] = true;
                }
            }
            writeGroup(keys[i], group != null ? group : List.of(shown.get(i)), filter);
        }
        gen.writeEndObject();
    }

    /** The JSON key of an item: its field's abbreviation, or the label of a text-only item. */
    private static String key(TreeItem i) {
        return i.def() == null ? TreeLabels.label(i) : i.def().abbrev();
    }

    private static boolean sameKey(TreeItem a, String aKey, TreeItem b, String bKey) {
        if (a.def() != null && a.def() == b.def()) {
            return true;
        }
        return aKey.equals(bKey);
    }

    private void writeGroup(String key, List<TreeItem> items, ProtocolFilter filter) throws IOException {
        TreeItem first = items.get(0);
        boolean textOnly = first.def() == null;
        boolean hasValue = hasValue(first.def());
        boolean filtered = filter != null && !filter.accepts(key);
        ProtocolFilter childFilter = filter != null && filter.includeChildren() ? null : filter;
        if (options.hexDump() && !textOnly) {
            List<TreeItem> withBytes = new ArrayList<>(items.size());
            for (TreeItem i : items) {
                if (i.length() > 0 && i.tvb() != null) {
                    withBytes.add(i);
                }
            }
            if (!withBytes.isEmpty()) {
                gen.writeFieldName(key + "_raw");
                writeList(withBytes, this::writeRaw);
            }
        }
        // Plain loops rather than writeList with a lambda: a capturing lambda per group was a
        // tenth of what a JSON run allocated.
        boolean several = items.size() > 1;
        gen.writeFieldName(key);
        if (several) {
            gen.writeStartArray();
        }
        if (hasValue) {
            for (TreeItem i : items) {
                values.write(gen, i);
            }
            if (several) {
                gen.writeEndArray();
            }
            List<TreeItem> withChildren = withChildren(items);
            if (!withChildren.isEmpty()) {
                gen.writeFieldName(key + "_tree");
                boolean subtrees = withChildren.size() > 1;
                if (subtrees) {
                    gen.writeStartArray();
                }
                for (TreeItem i : withChildren) {
                    writeSubtree(i, key, filtered, childFilter);
                }
                if (subtrees) {
                    gen.writeEndArray();
                }
            }
        } else {
            for (TreeItem i : items) {
                if (i.hasChildren()) {
                    writeSubtree(i, key, filtered, childFilter);
                } else if (i.def() != null && i.def().isProtocol()) {
                    gen.writeString(TreeLabels.label(i));
                } else {
                    gen.writeString("");
                }
            }
            if (several) {
                gen.writeEndArray();
            }
        }
    }

    private void writeSubtree(TreeItem item, String key, boolean filtered, ProtocolFilter childFilter) throws IOException {
        if (filtered) {
            gen.writeStartObject();
            gen.writeStringField("filtered", key);
            gen.writeEndObject();
        } else {
            writeChildren(item, childFilter);
        }
    }

    private static List<TreeItem> withChildren(List<TreeItem> items) {
        if (items.size() == 1) {
            return items.get(0).hasChildren() ? items : List.of();
        }
        List<TreeItem> out = new ArrayList<>(items.size());
        for (TreeItem i : items) {
            if (i.hasChildren()) {
                out.add(i);
            }
        }
        return out;
    }

    /** {@code [hex, offset in its data source, length, bitmask, Wireshark ftype number]}. */
    private void writeRaw(TreeItem item) throws IOException {
        FieldDef def = item.def();
        gen.writeStartArray();
        if (def.bitmask() != 0) {
            gen.writeString(Long.toHexString(item.longValue()).toUpperCase(java.util.Locale.ROOT));
        } else {
            byte[] hex = FieldFormat.hexAscii(item.itemBytes(), (char) 0);
            gen.writeRawUTF8String(hex, 0, hex.length);
        }
        gen.writeNumber(item.tvb().sourceOffset() + item.offset());
        gen.writeNumber(item.length());
        gen.writeNumber(Long.toUnsignedString(def.bitmask()));
        gen.writeNumber(wiresharkType(def.type()));
        gen.writeEndArray();
    }

    private interface ItemWriter {
        void write(TreeItem item) throws IOException;
    }

    /** One value as is, several as an array. */
    private void writeList(List<TreeItem> items, ItemWriter w) throws IOException {
        if (items.size() == 1) {
            w.write(items.get(0));
            return;
        }
        gen.writeStartArray();
        for (TreeItem i : items) {
            w.write(i);
        }
        gen.writeEndArray();
    }

    /** FT_NONE and FT_PROTOCOL items (and text) have no value of their own in JSON. */
    static boolean hasValue(FieldDef def) {
        return def != null && def.type() != FieldType.FT_NONE && def.type() != FieldType.FT_PROTOCOL;
    }

    /** The Elasticsearch index tshark names after the packet's date: {@code packets-2026-11-22}. */
    static String indexName(Packet p) {
        if (!FieldFormat.representable(p.timestamp().seconds())) {
            return "packets-XXXX-XX-XX"; // tshark's name when the date is not representable
        }
        var date = Instant.ofEpochSecond(p.timestamp().seconds()).atZone(FieldFormat.zone()).toLocalDate();
        return "packets-" + date;
    }

    /** The number of a field type in Wireshark 4.0's ftenum (used by the {@code _raw} arrays). */
    static int wiresharkType(FieldType t) {
        switch (t) {
            case FT_NONE: return 0;
            case FT_PROTOCOL: return 1;
            case FT_BOOLEAN: return 2;
            case FT_CHAR: return 3;
            case FT_UINT8: return 4;
            case FT_UINT16: return 5;
            case FT_UINT24: return 6;
            case FT_UINT32: return 7;
            case FT_UINT40: return 8;
            case FT_UINT48: return 9;
            case FT_UINT56: return 10;
            case FT_UINT64: return 11;
            case FT_INT8: return 12;
            case FT_INT16: return 13;
            case FT_INT24: return 14;
            case FT_INT32: return 15;
            case FT_INT40: return 16;
            case FT_INT48: return 17;
            case FT_INT56: return 18;
            case FT_INT64: return 19;
            case FT_FLOAT: return 22;
            case FT_DOUBLE: return 23;
            case FT_ABSOLUTE_TIME: return 24;
            case FT_RELATIVE_TIME: return 25;
            case FT_STRING: return 26;
            case FT_STRINGZ: return 27;
            case FT_ETHER: return 29;
            case FT_BYTES: return 30;
            case FT_IPv4: return 32;
            case FT_IPv6: return 33;
            case FT_FRAMENUM: return 35;
            default: return 0;
        }
    }

    @Override
    public void finish() throws IOException {
        gen.writeEndArray();
        gen.flush();
        out.write('\n');
        out.flush();
    }
}
