package io.jdissect.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON into maps, lists and strings, merging keys that repeat within one object into one
 * list of all their values in order (arrays are concatenated) — how tshark's duplicate-key JSON and
 * EK are read, and how jdissect writes them. Numbers become their text, null stays null.
 */
public final class MergedJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private MergedJson() {
    }

    /** Every top-level value of the input (one for JSON, one per line for EK). */
    public static List<Object> parseAll(Reader in) throws IOException {
        List<Object> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(in)) {
            while (p.nextToken() != null) {
                out.add(value(p));
            }
        }
        return out;
    }

    public static List<Object> parseAll(InputStream in) throws IOException {
        return parseAll(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    Object v = value(p);
                    if (m.containsKey(key)) {
                        m.put(key, merge(m.get(key), v));
                    } else {
                        m.put(key, v);
                    }
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_NULL:
                return null;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return p.getText();
        }
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object existing, Object more) {
        List<Object> l = new ArrayList<>();
        if (existing instanceof List<?> a) {
            l.addAll((List<Object>) a);
        } else {
            l.add(existing);
        }
        if (more instanceof List<?> b) {
            l.addAll((List<Object>) b);
        } else {
            l.add(more);
        }
        return l;
    }

    /**
     * Differences between two parsed values, one line each with the path
     * ({@code tcp/tcp.flags_tree/tcp.flags.syn: tshark "1" jdissect "0"}), at most {@code limit}.
     */
    public static void diff(String path, Object tshark, Object ours, List<String> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (tshark instanceof Map<?, ?> a && ours instanceof Map<?, ?> b) {
            for (Object k : a.keySet()) {
                if (!b.containsKey(k)) {
                    add(out, limit, path + "/" + k + ": missing in jdissect (tshark " + shorten(a.get(k)) + ")");
                } else {
                    diff(path + "/" + k, a.get(k), b.get(k), out, limit);
                }
            }
            for (Object k : b.keySet()) {
                if (!a.containsKey(k)) {
                    add(out, limit, path + "/" + k + ": not in tshark (jdissect " + shorten(b.get(k)) + ")");
                }
            }
        } else if (tshark instanceof List<?> a && ours instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out, limit);
            }
        } else if (!java.util.Objects.equals(tshark, ours)) {
            add(out, limit, path + ": tshark " + shorten(tshark) + " jdissect " + shorten(ours));
        }
    }

    private static void add(List<String> out, int limit, String s) {
        if (out.size() < limit) {
            out.add(s);
        }
    }

    private static String shorten(Object o) {
        String s = o instanceof String str ? "\"" + str + "\"" : String.valueOf(o);
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
