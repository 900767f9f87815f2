package io.jdissect.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads tshark's {@code -T json} output with a streaming parser, keeping what a tree parser would
 * lose: duplicate keys (tshark writes {@code "tcp.port"} twice) and their order. Each frame becomes
 * the list of (key, value) leaves under {@code _source.layers}, depth first.
 */
public final class TsharkJson {
    private TsharkJson() {
    }

    /** One leaf: the top-level layer it is in ("tcp"), its key (an abbreviation or a label), its value. */
    public record Leaf(String layer, String key, String value) {
    }

    /** Leaves of every frame, in file order. */
    public static List<List<Leaf>> frames(Path json) throws IOException {
        List<List<Leaf>> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("layers")) {
                    p.nextToken();
                    List<Leaf> leaves = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_OBJECT) {
                        String layer = p.currentName();
                        if (p.nextToken() == JsonToken.START_OBJECT) {
                            collect(p, layer, leaves);
                        } else {
                            leaves.add(new Leaf(layer, layer, p.getText()));
                        }
                    }
                    out.add(leaves);
                }
            }
        }
        return out;
    }

    private static void collect(JsonParser p, String layer, List<Leaf> leaves) throws IOException {
        // p is at START_OBJECT
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                collect(p, layer, leaves);
            } else if (t == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        collect(p, layer, leaves);
                    } else {
                        leaves.add(new Leaf(layer, key, p.getText()));
                    }
                }
            } else {
                leaves.add(new Leaf(layer, key, p.getText()));
            }
        }
    }

    /** The values of the leaves whose key {@code which} accepts, grouped by key in order. */
    public static Map<String, List<String>> byKey(List<Leaf> leaves, Predicate<String> which) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Leaf l : leaves) {
            if (which.test(l.key())) {
                m.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l.value());
            }
        }
        return m;
    }
}
