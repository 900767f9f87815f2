package io.jdissect.testing;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.output.FieldValues;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Compares jdissect's {@code -T fields} values with tshark's stored {@code .fields.tsv}, frame by
 * frame and field by field (occurrences joined with {@code ,}, tshark's default aggregator).
 */
public final class FieldsComparison {
    private FieldsComparison() {
    }

    /** Builds a setup with the capture's extra tshark options ({@code -d}, {@code -o}). */
    public static JDissect setupFor(SharedTestdata.Capture capture) {
        JDissect.Builder b = JDissect.builder();
        List<String> opts = capture.options();
        for (int i = 0; i + 1 < opts.size(); i += 2) {
            if (opts.get(i).equals("-d")) {
                b.decodeAs(opts.get(i + 1));
            } else if (opts.get(i).equals("-o")) {
                String[] kv = opts.get(i + 1).split(":", 2);
                b.preference(kv[0], kv[1]);
            }
        }
        return b.build();
    }

    /**
     * Mismatches on the fields of the tsv header accepted by {@code which}, one line each
     * ("frame 4 tcp.seq: tshark '1' jdissect '0'"); empty when all agree.
     */
    public static List<String> compare(SharedTestdata.Capture capture, Predicate<String> which) throws IOException {
        SharedTestdata.FieldsTable table = SharedTestdata.FieldsTable.read(capture.fieldsTsv());
        List<String> mismatches = new ArrayList<>();
        int rowIndex = 0;
        try (PacketStream packets = setupFor(capture).open(capture.file())) {
            for (Packet p : packets) {
                if (rowIndex >= table.rows().size()) {
                    mismatches.add("frame " + p.number() + ": tshark has no such frame");
                    break;
                }
                String[] row = table.rows().get(rowIndex++);
                for (int c = 0; c < table.header().size(); c++) {
                    String field = table.header().get(c);
                    if (!which.test(field)) {
                        continue;
                    }
                    String expected = c < row.length ? row[c] : "";
                    String actual = String.join(",", FieldValues.values(p, field));
                    if (!expected.equals(actual)) {
                        mismatches.add("frame " + p.number() + " " + field + ": tshark '" + expected
                                + "' jdissect '" + actual + "'");
                    }
                }
            }
        }
        if (rowIndex < table.rows().size()) {
            mismatches.add("jdissect stopped after " + rowIndex + " frames, tshark has " + table.rows().size());
        }
        return mismatches;
    }
}
