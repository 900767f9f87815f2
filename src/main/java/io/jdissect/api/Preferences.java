package io.jdissect.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Protocol preferences by Wireshark's names ({@code smtp.desegment_lines}, {@code tcp.check_checksum}),
 * declared by dissectors at registration and set with {@code -o name:value} before hand-off.
 */
public final class Preferences {
    private final Map<String, Pref> prefs = new LinkedHashMap<>();

    /** One preference: its name, description, default and current text value. */
    public static final class Pref {
        private final String name;
        private final String description;
        private final String defaultValue;
        private final Kind kind;
        private String value;

        private Pref(String name, String description, String defaultValue, Kind kind) {
            this.name = name;
            this.description = description;
            this.defaultValue = defaultValue;
            this.value = defaultValue;
            this.kind = kind;
        }

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String value() {
            return value;
        }

        public Kind kind() {
            return kind;
        }

        public boolean bool() {
            return value.equalsIgnoreCase("TRUE");
        }

        public long uint() {
            return Long.parseLong(value.trim());
        }

        /** A range preference ("25,587,2525-2530") as the list of its values. */
        public long[] range() {
            return parseRange(value);
        }
    }

    public enum Kind { BOOL, UINT, STRING, RANGE }

    public synchronized Pref bool(String name, boolean def, String description) {
        return add(new Pref(name, description, def ? "TRUE" : "FALSE", Kind.BOOL));
    }

    public synchronized Pref uint(String name, long def, String description) {
        return add(new Pref(name, description, Long.toString(def), Kind.UINT));
    }

    public synchronized Pref string(String name, String def, String description) {
        return add(new Pref(name, description, def, Kind.STRING));
    }

    public synchronized Pref range(String name, String def, String description) {
        return add(new Pref(name, description, def, Kind.RANGE));
    }

    private Pref add(Pref p) {
        prefs.put(p.name, p);
        return p;
    }

    public synchronized Pref get(String name) {
        return prefs.get(name);
    }

    public synchronized Map<String, Pref> all() {
        return new LinkedHashMap<>(prefs);
    }

    /**
     * Sets a preference from {@code -o name:value}; throws IllegalArgumentException with a
     * user-facing message if the name is unknown or the value does not fit its kind.
     */
    public synchronized void set(String name, String value) {
        Pref p = prefs.get(name);
        if (p == null) {
            throw new IllegalArgumentException("Invalid -o flag \"" + name + ":" + value + "\": unknown preference");
        }
        String v = value.trim();
        switch (p.kind) {
            case BOOL:
                if (!v.equalsIgnoreCase("TRUE") && !v.equalsIgnoreCase("FALSE")) {
                    throw new IllegalArgumentException("Invalid -o flag \"" + name + ":" + value + "\": expected TRUE or FALSE");
                }
                p.value = v.toUpperCase(java.util.Locale.ROOT);
                break;
            case UINT:
                try {
                    Long.parseUnsignedLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Invalid -o flag \"" + name + ":" + value + "\": not a number");
                }
                p.value = v;
                break;
            case RANGE:
                parseRange(v);
                p.value = v;
                break;
            default:
                p.value = value;
        }
    }

    static long[] parseRange(String text) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            int dash = s.indexOf('-');
            try {
                if (dash > 0) {
                    long lo = Long.parseLong(s.substring(0, dash).trim());
                    long hi = Long.parseLong(s.substring(dash + 1).trim());
                    if (hi < lo || hi - lo > 65535) {
                        throw new IllegalArgumentException("invalid range \"" + s + "\"");
                    }
                    for (long v = lo; v <= hi; v++) {
                        out.add(v);
                    }
                } else {
                    out.add(Long.parseLong(s));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid range \"" + text + "\"");
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
