package io.jdissect.protocols.imf;

/**
 * Wireshark's {@code ws_find_media_type_parameter}: the value of parameter {@code key} (any case)
 * in a {@code name=value;name="quoted value"} list, quotes removed and backslash escapes resolved;
 * null when absent or without a value.
 */
public final class MediaTypeParameters {
    private MediaTypeParameters() {
    }

    public static String find(String parameters, String key) {
        if (parameters == null) {
            return null;
        }
        int p = 0;
        int n = parameters.length();
        while (p < n) {
            while (p < n && Character.isWhitespace(parameters.charAt(p)) && parameters.charAt(p) < 0x80) {
                p++;
            }
            if (p >= n) {
                return null;
            }
            int name = p;
            while (p < n && parameters.charAt(p) != '=' && parameters.charAt(p) != ';') {
                p++;
            }
            boolean match = parameters.substring(name, p).equalsIgnoreCase(key);
            if (p >= n || parameters.charAt(p) == ';') {
                if (match) {
                    return null;
                }
                p++;
                continue;
            }
            p++;
            StringBuilder value = new StringBuilder();
            if (p < n && parameters.charAt(p) == '"') {
                p++;
                while (p < n && parameters.charAt(p) != '"') {
                    if (parameters.charAt(p) == '\\' && p + 1 < n) {
                        p++;
                    }
                    value.append(parameters.charAt(p++));
                }
                p++;
            }
            while (p < n && parameters.charAt(p) != ';') {
                value.append(parameters.charAt(p++));
            }
            if (match) {
                return value.toString();
            }
            p++;
        }
        return null;
    }
}
