package io.jdissect.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
import java.util.Arrays;
import java.util.List;

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
public final class JsonWriter implements SplittableWriter {
    private final OutputStream out;
    private final JsonGenerator gen;
    private final OutputOptions options;
    private final JsonValues values = new JsonValues();
    private final List<Level> levels = new ArrayList<>();
    private final JsonKey.Table keys = new JsonKey.Table();
    private final SecondText indexNames = new SecondText(JsonWriter::indexName);

    /** Packets are root values of the generator, each after the array's separator, written here. */
    private static final SerializedString FIRST_PACKET = JsonGenerators.prepared("\n  ");
    private static final SerializedString NEXT_PACKET = JsonGenerators.prepared(",\n  ");
    /** A {@link #continuation}'s: nothing before or after its packets, each of which is not the first. */
    private final boolean continuing;
    private boolean first;

    public JsonWriter(OutputStream out, OutputOptions options) throws IOException {
        this(out, options, false);
    }

    private JsonWriter(OutputStream out, OutputOptions options, boolean continuing) throws IOException {
        // Jackson's UTF-8 generator writes bytes itself: no char buffer and no second encoding pass.
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.options = options;
        this.continuing = continuing;
        this.first = !continuing;
        this.gen = JsonGenerators.create(this.out);
        gen.setPrettyPrinter(tsharkLayout());
    }

    /** Formats each packet as {@link #write} here would after the first (no -e fields: columns follow the displayed packets). */
    @Override
    public PacketWriter continuation(OutputStream out) throws IOException {
        return options.fields().isEmpty() ? new JsonWriter(out, options, true) : null;
    }

    @Override
    public void append(byte[] formatted, int offset, int length) throws IOException {
        gen.flush();
        out.write(formatted, offset, length);
        first = false;
    }

    /** tshark's json_dumper layout: {@code "key": value}, 2-space indent, one value per line, {@code {}} when empty. */
    private static DefaultPrettyPrinter tsharkLayout() {
        Separators s = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        LineIndenter indenter = new LineIndenter();
        DefaultPrettyPrinter pp = new TsharkLayout(s);
        pp.indentArraysWith(indenter);
        pp.indentObjectsWith(indenter);
        return pp;
    }

    /**
     * Writes the {@code ": "} after every key, and the comma and indentation before every entry or
     * value after the first, as prepared bytes: DefaultPrettyPrinter hands them to the generator as
     * Strings, which it copies into characters and encodes, once per field.
     * Packets are the generator's root values, indented as the array's elements they are (from
     * level 1), with the array's separators written by {@link #write} instead of between root values.
     */
    private static final class TsharkLayout extends DefaultPrettyPrinter {
        private static final SerializedString FIELD_VALUE = JsonGenerators.prepared(": ");

        TsharkLayout(Separators s) {
            super(s);
            _nesting = 1;
        }

        private TsharkLayout(TsharkLayout base) {
            super(base);
            _nesting = 1;
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new TsharkLayout(this);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(FIELD_VALUE);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            LineIndenter.writeSeparatorAndIndentation(g, _nesting);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            LineIndenter.writeSeparatorAndIndentation(g, _nesting);
        }
    }

    @Override
    public void begin() throws IOException {
        if (!continuing) {
            gen.writeRaw('[');
        }
    }

    @Override
    public void write(Packet packet) throws IOException {
        gen.writeRaw(first ? FIRST_PACKET : NEXT_PACKET);
        first = false;
        gen.writeStartObject();
        gen.writeStringField("_index", indexNames.of(packet.timestamp().seconds()));
        gen.writeStringField("_type", "doc");
        gen.writeNullField("_score");
        gen.writeObjectFieldStart("_source");
        gen.writeFieldName("layers");
        if (options.fields().isEmpty()) {
            writeChildren(packet.tree(), options.protocolFilter(), 0);
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
        if (!options.fields().isEmpty()) { // only -e columns read it; continuations leave it alone
            options.columns().displayed(packet);
        }
    }

    /** Writes the children of {@code parent} as one object, grouping items with the same key. */
    private void writeChildren(TreeItem parent, ProtocolFilter filter, int depth) throws IOException {
        gen.writeStartObject();
        Level level = level(depth);
        for (int i = 0, n = parent.childCount(); i < n; i++) {
            TreeItem c = parent.child(i);
            if (options.shows(c)) {
                level.add(c, c.def() == null ? level.groups.add(TreeLabels.label(c)) : level.groups.add(keys.of(c.def(), FieldDef::abbrev)));
            }
        }
        KeyGroups groups = level.groups;
        for (int g = 0; g < groups.groupCount(); g++) {
            writeGroup(level, g, filter, depth);
        }
        level.clear();
        gen.writeEndObject();
    }

    /** The scratch of one nesting depth: the shown items of the object being written, grouped by key. */
    private static final class Level {
        final KeyGroups groups;
        TreeItem[] items = new TreeItem[16];

        Level(JsonKey.Table keys) {
            groups = new KeyGroups(keys);
        }

        /** Keeps {@code item}, added to the groups as number {@code i}. */
        void add(TreeItem item, int i) {
            if (i == items.length) {
                items = Arrays.copyOf(items, i * 2);
            }
            items[i] = item;
        }

        /** Forgets the items, so that the scratch does not keep an old packet's tree alive. */
        void clear() {
            // Not Arrays.fill, whose profile every caller shares (see EkWriter.Level.clear).
            for (int i = 0, n = groups.itemCount(); i < n; i++) {
                items[i] = null;
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

    private void writeGroup(Level level, int group, ProtocolFilter filter, int depth) throws IOException {
        KeyGroups groups = level.groups;
        TreeItem[] items = level.items;
        String key = groups.text(group);
        JsonKey fieldKey = groups.fieldKey(group);
        int first = groups.first(group);
        TreeItem firstItem = items[first];
        boolean textOnly = firstItem.def() == null;
        boolean hasValue = hasValue(firstItem.def());
        boolean filtered = filter != null && !filter.accepts(key);
        ProtocolFilter childFilter = filter != null && filter.includeChildren() ? null : filter;
        if (options.hexDump() && !textOnly) {
            int withBytes = 0;
            for (int i = first; i >= 0; i = groups.next(i)) {
                if (hasBytes(items[i])) {
                    withBytes++;
                }
            }
            if (withBytes > 0) {
                gen.writeFieldName(key + "_raw");
                if (withBytes > 1) {
                    gen.writeStartArray();
                }
                for (int i = first; i >= 0; i = groups.next(i)) {
                    if (hasBytes(items[i])) {
                        writeRaw(items[i]);
                    }
                }
                if (withBytes > 1) {
                    gen.writeEndArray();
                }
            }
        }
        boolean several = groups.size(group) > 1;
        if (fieldKey != null) {
            gen.writeFieldName(fieldKey.name);
        } else {
            gen.writeFieldName(key);
        }
        if (several) {
            gen.writeStartArray();
        }
        if (hasValue) {
            for (int i = first; i >= 0; i = groups.next(i)) {
                values.write(gen, items[i]);
            }
            if (several) {
                gen.writeEndArray();
            }
            int withChildren = 0;
            for (int i = first; i >= 0; i = groups.next(i)) {
                if (items[i].hasChildren()) {
                    withChildren++;
                }
            }
            if (withChildren > 0) {
                if (fieldKey != null) {
                    gen.writeFieldName(fieldKey.tree);
                } else {
                    gen.writeFieldName(key + "_tree");
                }
                if (withChildren > 1) {
                    gen.writeStartArray();
                }
                for (int i = first; i >= 0; i = groups.next(i)) {
                    if (items[i].hasChildren()) {
                        writeSubtree(items[i], key, filtered, childFilter, depth);
                    }
                }
                if (withChildren > 1) {
                    gen.writeEndArray();
                }
            }
        } else {
            for (int i = first; i >= 0; i = groups.next(i)) {
                TreeItem item = items[i];
                if (item.hasChildren()) {
                    writeSubtree(item, key, filtered, childFilter, depth);
                } else if (item.def() != null && item.def().isProtocol()) {
                    gen.writeString(TreeLabels.label(item));
                } else {
                    gen.writeString("");
                }
            }
            if (several) {
                gen.writeEndArray();
            }
        }
    }

    private static boolean hasBytes(TreeItem item) {
        return item.length() > 0 && item.tvb() != null;
    }

    private void writeSubtree(TreeItem item, String key, boolean filtered, ProtocolFilter childFilter, int depth) throws IOException {
        if (filtered) {
            gen.writeStartObject();
            gen.writeStringField("filtered", key);
            gen.writeEndObject();
        } else {
            writeChildren(item, childFilter, depth + 1);
        }
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

    /** FT_NONE and FT_PROTOCOL items (and text) have no value of their own in JSON. */
    static boolean hasValue(FieldDef def) {
        return def != null && def.type() != FieldType.FT_NONE && def.type() != FieldType.FT_PROTOCOL;
    }

    /**
     * The Elasticsearch index tshark names after the date of a packet captured in
     * {@code epochSecond}: {@code packets-2026-11-22}.
     */
    static String indexName(long epochSecond) {
        if (!FieldFormat.representable(epochSecond)) {
            return "packets-XXXX-XX-XX"; // tshark's name when the date is not representable
        }
        var date = Instant.ofEpochSecond(epochSecond).atZone(FieldFormat.zone()).toLocalDate();
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
    public void flush() throws IOException {
        gen.flush();
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        if (!continuing) {
            gen.writeRaw(first ? "]\n" : "\n]\n");
        }
        gen.flush();
        out.flush();
    }
}
