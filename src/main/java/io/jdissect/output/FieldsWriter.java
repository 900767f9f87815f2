package io.jdissect.output;

import io.jdissect.api.Packet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * tshark's {@code -T fields}: one line per packet with the values of the {@code -e} fields, formatted
 * by the {@code -E} options (occurrences joined by the aggregator, the whole value quoted if asked,
 * empty values never quoted; optional header row of field names and UTF-8 BOM).
 */
public final class FieldsWriter implements PacketWriter {
    private final Writer out;
    private final OutputOptions options;

    public FieldsWriter(OutputStream out, OutputOptions options) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.options = options;
    }

    @Override
    public void begin() throws IOException {
        FieldsFormat f = options.fieldsFormat();
        if (f.bom()) {
            out.write('\uFEFF');
        }
        if (f.header()) {
            out.write(String.join(String.valueOf(f.separator()), options.fields()));
            out.write('\n');
        }
    }

    @Override
    public void write(Packet packet) throws IOException {
        FieldsFormat f = options.fieldsFormat();
        StringBuilder line = new StringBuilder(256);
        List<String> fields = options.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(f.separator());
            }
            String value = joined(FieldValues.values(packet, fields.get(i), options), f);
            if (!value.isEmpty() && f.quote() != 0) {
                line.append(f.quote()).append(value).append(f.quote());
            } else {
                line.append(value);
            }
        }
        out.write(line.append('\n').toString());
        options.columns().displayed(packet);
    }

    private static String joined(List<String> values, FieldsFormat f) {
        if (values.isEmpty()) {
            return "";
        }
        if (values.size() == 1) { // most fields occur once: no joiner to make (or for C2 to compile)
            return values.get(0);
        }
        switch (f.occurrence()) {
            case 'f':
                return values.get(0);
            case 'l':
                return values.get(values.size() - 1);
            default:
                return String.join(String.valueOf(f.aggregator()), values);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
