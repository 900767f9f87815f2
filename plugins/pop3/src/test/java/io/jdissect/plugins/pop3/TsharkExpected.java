package io.jdissect.plugins.pop3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recorded POP3 captures ({@code testdata/pop3-*.pcap}, made by {@code testdata/record.sh}) and
 * tshark's stored outputs beside them, with the views the tests compare: the POP part of
 * {@code -V}, the {@code pop} layer of {@code -T json}.
 */
final class TsharkExpected {
    static final Path TESTDATA = Path.of("testdata");

    private TsharkExpected() {
    }

    /** The capture names ("pop3-session", …). */
    static Stream<String> captures() throws IOException {
        try (Stream<Path> files = Files.list(TESTDATA)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap"))
                    .map(n -> n.substring(0, n.length() - ".pcap".length())).sorted().toList().stream();
        }
    }

    static Path pcap(String capture) {
        return TESTDATA.resolve(capture + ".pcap");
    }

    /** A stored tshark output, e.g. {@code read("pop3-session", "fields.tsv")}. */
    static String read(String capture, String suffix) {
        return read(TESTDATA.resolve(capture + "." + suffix));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code Frame N:} lines and the "Post Office Protocol" subtrees of a {@code -V} text: the
     * POP part, without the lower layers (jdissect does not resolve MAC manufacturers, tshark does).
     */
    static String popTree(String verbose) {
        StringBuilder out = new StringBuilder();
        boolean inPop = false;
        for (String line : verbose.split("\n", -1)) {
            if (!line.isEmpty() && !line.startsWith(" ")) {
                inPop = line.equals("Post Office Protocol");
                if (line.startsWith("Frame ")) {
                    out.append(line).append('\n');
                }
            }
            if (inPop) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The {@code pop} layer of each packet of a {@code -T json} document (null when absent), with
     * keys that repeat in one object merged into an array: tshark 4.0 writes a repeated field as
     * duplicate keys, jdissect as one key with an array (valid JSON); the values are the same.
     */
    static List<Object> popLayers(String json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            List<Object> layers = new ArrayList<>();
            for (Object packet : (List<?>) value(p)) {
                Map<?, ?> source = (Map<?, ?>) ((Map<?, ?>) packet).get("_source");
                layers.add(((Map<?, ?>) source.get("layers")).get("pop"));
            }
            return layers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(p));
            }
            return list;
        }
        if (p.currentToken() == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String key = p.currentName();
                p.nextToken();
                Object v = value(p);
                Object seen = map.get(key);
                if (seen == null) {
                    map.put(key, v);
                } else if (seen instanceof Repeated r) {
                    r.add(v);
                } else {
                    Repeated r = new Repeated();
                    r.add(seen);
                    r.add(v);
                    map.put(key, r);
                }
            }
            return map;
        }
        return p.getText();
    }

    /** The values of a key that tshark repeated; equal to jdissect's array of the same values. */
    private static final class Repeated extends ArrayList<Object> {
    }
}
