package io.jdissect.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The captures in {@code ../shared/testdata/} (beside the checkout) with tshark 4.0's outputs kept
 * beside each. Tests that need them are skipped, with a message, when the folder is absent.
 * Set {@code -Djdissect.shared=DIR} to point elsewhere.
 */
public final class SharedTestdata {
    private SharedTestdata() {
    }

    public static Path root() {
        String prop = System.getProperty("jdissect.shared");
        Path p = prop != null ? Path.of(prop) : Path.of(System.getProperty("user.dir")).resolve("../shared/testdata").normalize();
        return p;
    }

    /** Skips the calling test when the shared test data is not there. */
    public static Path requireRoot() {
        Path r = root();
        Assumptions.assumeTrue(Files.isDirectory(r),
                "shared test data not found at " + r + " (expected ../shared/testdata beside the checkout)");
        return r;
    }

    /** One capture with its tshark reference outputs. */
    public record Capture(Path file, String extraOptions, int frames) {
        public String name() {
            return file.getFileName().toString();
        }

        public Path reference(String suffix) {
            return file.resolveSibling(name() + suffix);
        }

        public Path fieldsTsv() {
            return reference(".fields.tsv");
        }

        public Path json() {
            return reference(".json");
        }

        public Path ek() {
            return reference(".ek.jsonl");
        }

        public Path verbose() {
            return reference(".V.txt");
        }

        public Path exportImf() {
            return reference(".export-imf");
        }

        /** The {@code -d}/{@code -o} options tshark was run with (from the manifest), split into words. */
        public List<String> options() {
            return extraOptions.isBlank() ? List.of() : List.of(extraOptions.trim().split("\\s+"));
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Every capture listed in the manifests of generated/ and public/. */
    public static List<Capture> captures() {
        Path r = requireRoot();
        List<Capture> out = new ArrayList<>();
        for (String dir : new String[] {"generated", "public"}) {
            Path manifest = r.resolve(dir).resolve("manifest.tsv");
            if (!Files.exists(manifest)) {
                continue;
            }
            for (String line : lines(manifest)) {
                if (line.startsWith("file\t") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                out.add(new Capture(r.resolve(dir).resolve(c[0]), c.length > 5 ? c[5] : "", Integer.parseInt(c[3])));
            }
        }
        return out;
    }

    public static Capture capture(String name) {
        return captures().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shared capture " + name));
    }

    static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tshark's {@code -T fields -E header=y} output: the field names and one row per frame. */
    public record FieldsTable(List<String> header, List<String[]> rows) {
        public static FieldsTable read(Path tsv) {
            List<String> lines = lines(tsv);
            List<String> header = List.of(lines.get(0).split("\t", -1));
            List<String[]> rows = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                rows.add(l.split("\t", -1));
            }
            return new FieldsTable(header, rows);
        }

        public int column(String field) {
            return header.indexOf(field);
        }

        /** Values of {@code field} per frame number (1-based), as tshark printed them. */
        public Map<Integer, String> columnByFrame(String field) {
            int c = column(field);
            Map<Integer, String> out = new LinkedHashMap<>();
            for (String[] row : rows) {
                out.put(Integer.parseInt(row[0]), c < row.length ? row[c] : "");
            }
            return out;
        }
    }
}
