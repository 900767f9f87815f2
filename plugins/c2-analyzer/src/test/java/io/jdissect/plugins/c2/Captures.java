package io.jdissect.plugins.c2;

import io.jdissect.api.Analysis;
import io.jdissect.api.JDissect;
import io.jdissect.api.PacketStream;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The test captures (this plugin's testdata/ and the shared ones) and a run of the analyzer over one. */
final class Captures {
    private Captures() {
    }

    /** A capture of this plugin's testdata/ folder. */
    static Path own(String name) {
        return Path.of("testdata", name);
    }

    /** The shared captures folder ({@code ../shared/testdata} beside the jdissect project); skips the test if absent. */
    static Path shared() {
        Path root = Path.of(System.getProperty("jdissect.root", "../.."));
        Path dir = root.resolve("../shared/testdata").normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared test captures not found at " + dir + ": skipped");
        return dir;
    }

    /** The findings of the analyzer with {@code args} over {@code capture}, read with the Decode As rules given. */
    static List<Finding> findings(Path capture, String args, String... decodeAs) {
        List<String> failures = new ArrayList<>();
        Analysis analysis = new Analysis(failures::add);
        analysis.add("c2", new C2AnalyzerFactory().create(args));
        JDissect.Builder builder = JDissect.builder();
        for (String d : decodeAs) {
            builder.decodeAs(d);
        }
        try (PacketStream packets = builder.build().open(capture)) {
            analysis.run(packets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.toString());
        }
        return ((C2Report) analysis.report("c2")).findings();
    }

    /** tshark's stored {@code -T fields} output beside a capture (header line first): frame number → field → value. */
    static Map<Long, Map<String, String>> tsharkFields(Path capture) {
        try {
            // UTF-8 with malformed bytes replaced: tshark writes a binary command line as it is
            byte[] bytes = Files.readAllBytes(capture.resolveSibling(capture.getFileName() + ".fields.tsv"));
            List<String> lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            String[] header = lines.get(0).split("\t", -1);
            Map<Long, Map<String, String>> frames = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] values = line.split("\t", -1);
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    fields.put(header[i], values[i]);
                }
                frames.put(Long.parseLong(values[0]), fields);
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
