package io.jdissect.protocols.imf;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.output.FieldValues;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messages tshark exported from the shared captures ({@code X.export-imf/}, the exact DATA
 * bytes IMF was given) dissected on their own must give, for every IMF frame of the capture, the
 * imf.* and mime_multipart.* values and the Info column tshark printed in {@code X.fields.tsv}.
 */
class EmlMatchesTsharkTest {
    private final JDissect setup = JDissect.create();

    @Test
    void everyImfFrameOfEverySharedCaptureMatchesItsExportedMessage() throws IOException {
        List<String> failures = new ArrayList<>();
        int frames = 0;
        for (SharedTestdata.Capture c : SharedTestdata.captures()) {
            if (!Files.isDirectory(c.exportImf())) {
                continue;
            }
            SharedTestdata.FieldsTable table = SharedTestdata.FieldsTable.read(c.fieldsTsv());
            List<Integer> columns = new ArrayList<>();
            for (int i = 0; i < table.header().size(); i++) {
                String h = table.header().get(i);
                if (h.startsWith("imf.") || h.startsWith("mime_multipart.") || h.equals("_ws.col.Info")) {
                    columns.add(i);
                }
            }
            List<List<String>> dissected = new ArrayList<>();
            try (Stream<Path> files = Files.list(c.exportImf())) {
                for (Path eml : files.sorted().toList()) {
                    Packet p = ImfMessage.dissect(Files.readAllBytes(eml), setup);
                    List<String> row = new ArrayList<>();
                    for (int col : columns) {
                        row.add(String.join(",", FieldValues.values(p, table.header().get(col))));
                    }
                    dissected.add(row);
                }
            }
            int protocols = table.column("frame.protocols");
            for (String[] row : table.rows()) {
                if (!row[protocols].contains(":imf")) {
                    continue;
                }
                frames++;
                List<String> expected = new ArrayList<>();
                for (int col : columns) {
                    expected.add(col < row.length ? row[col] : "");
                }
                // tshark's TNEF dissector (application/ms-tnef parts) is not part of jdissect: without it the
                // generic media dissector names the type in Info; every field still has to agree.
                boolean tnef = row[protocols].contains(":tnef");
                if (tnef ? dissected.stream().noneMatch(d -> sameButInfo(table, columns, expected, d))
                        : !dissected.contains(expected)) {
                    failures.add(c.name() + " frame " + row[0] + ": " + closest(table, columns, expected, dissected));
                }
            }
        }
        assertTrue(frames > 20, "IMF frames found: " + frames);
        assertEquals(List.of(), failures);
    }

    private static boolean sameButInfo(SharedTestdata.FieldsTable table, List<Integer> columns, List<String> expected,
                                       List<String> dissected) {
        for (int i = 0; i < expected.size(); i++) {
            if (!table.header().get(columns.get(i)).equals("_ws.col.Info") && !expected.get(i).equals(dissected.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The columns that differ from the dissected message agreeing on the most columns. */
    private static String closest(SharedTestdata.FieldsTable table, List<Integer> columns, List<String> expected,
                                  List<List<String>> dissected) {
        List<String> best = null;
        int bestScore = -1;
        for (List<String> d : dissected) {
            int score = 0;
            for (int i = 0; i < expected.size(); i++) {
                score += expected.get(i).equals(d.get(i)) ? 1 : 0;
            }
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; best != null && i < expected.size(); i++) {
            if (!expected.get(i).equals(best.get(i))) {
                out.append("\n  ").append(table.header().get(columns.get(i))).append(": tshark '")
                        .append(expected.get(i)).append("' jdissect '").append(best.get(i)).append("'");
            }
        }
        return out.toString();
    }
}
