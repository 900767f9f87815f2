package io.jdissect.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The differences from tshark that are known and explained, applied to tshark's side before the
 * output comparisons; each says why, and whose change would remove it.
 */
public final class KnownDifferences {
    private KnownDifferences() {
    }

    /**
     * By design: jdissect never resolves names, tshark resolves MAC addresses with its manufacturer
     * database by default ({@code 00:00:00_00:00:00 (00:00:00:00:00:00)}, {@code eth.src_resolved},
     * {@code eth.src.oui_resolved}, and the {@code *.oui} items it adds when it resolves).
     */
    private static final Pattern RESOLVED_MAC = Pattern.compile("\\S+ \\(([0-9a-f]{2}(?::[0-9a-f]{2}){5})\\)");
    private static final Pattern RESOLUTION_KEY = Pattern.compile(".*(_resolved|[._]oui)$");

    /**
     * Core: tshark registers TCP options as protocols "in name only" (proto_register_protocol_in_name_only),
     * so EK names them {@code tcp_options_mss}; jdissect's registry has no such fields yet and gives
     * {@code tcp_tcp_options_mss}.
     */
    private static final String TSHARK_TCP_OPTIONS = "tcp_options_";

    /** tshark's value of one layer (JSON or EK) with the known differences taken out. */
    public static Object normalizeTshark(String layer, Object value) {
        if (layer.equals("eth") || layer.equals("sll")) {
            value = dropKeys(value, RESOLUTION_KEY);
        }
        if (layer.equals("tcp")) {
            value = renameKeys(value, TSHARK_TCP_OPTIONS, "tcp_tcp_options_");
        }
        return value;
    }

    /** tshark's -V lines of one packet with the known differences taken out. */
    public static List<String> normalizeTsharkLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(RESOLVED_MAC.matcher(l).replaceAll("$1"));
        }
        return out;
    }

    private static Object dropKeys(Object value, Pattern keys) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!keys.matcher(k.toString()).matches()) {
                    out.put(k, dropKeys(v, keys));
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> dropKeys(v, keys)).toList();
        }
        return value;
    }

    private static Object renameKeys(Object value, String prefix, String replacement) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                String key = k.toString();
                out.put(key.startsWith(prefix) ? replacement + key.substring(prefix.length()) : key,
                        renameKeys(v, prefix, replacement));
            });
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> renameKeys(v, prefix, replacement)).toList();
        }
        return value;
    }
}
