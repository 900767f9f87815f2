package io.jdissect.plugins.c2;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The thresholds of the analyzer, from the {@code -z c2,ARGS} arguments: comma-separated
 * {@code key=value} pairs, lists separated by {@code :}. Unknown keys and bad values are refused
 * with a message naming them. The plugin's README says what each one changes.
 */
final class C2Options {
    private double entropy = 3.5;
    private int minLength = 16;
    private int headerBlob = 40;
    private int bodyBlob = 200;
    private int beaconSessions = 4;
    private double beaconCv = 0.1;
    private double beaconInterval = 5;
    private Set<Integer> ports = Set.of(25, 465, 587);
    private List<String> ignoredHeaders = List.of("X-Google-DKIM-Signature", "X-Gm-Message-State",
            "X-Google-Smtp-Source", "X-Received", "X-MS-*", "X-Microsoft-*", "X-Forefront-*", "X-Proofpoint-*", "X-CR-*");
    private boolean showPasswords;
    private boolean jsonLines;
    private Severity minSeverity = Severity.INFO;

    private C2Options() {
    }

    /** The options of {@code args} ("" gives the defaults). */
    static C2Options parse(String args) {
        C2Options o = new C2Options();
        if (args == null || args.isBlank()) {
            return o;
        }
        for (String pair : args.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("c2: expected key=value, got \"" + pair + "\"");
            }
            String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1).trim();
            try {
                o.set(key, value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("c2: " + key + " needs a number, got \"" + value + "\"");
            }
        }
        return o;
    }

    private void set(String key, String v) {
        switch (key) {
            case "entropy" -> entropy = positive(key, Double.parseDouble(v));
            case "min-length" -> minLength = (int) positive(key, Integer.parseInt(v));
            case "blob" -> headerBlob = (int) positive(key, Integer.parseInt(v));
            case "body-blob" -> bodyBlob = (int) positive(key, Integer.parseInt(v));
            case "beacon-sessions" -> beaconSessions = (int) positive(key, Integer.parseInt(v));
            case "beacon-cv" -> beaconCv = positive(key, Double.parseDouble(v));
            case "beacon-interval" -> beaconInterval = positive(key, Double.parseDouble(v));
            case "ports" -> ports = portSet(v);
            case "ignore-headers" -> ignoredHeaders = v.isEmpty() ? List.of() : List.of(v.split(":"));
            case "passwords" -> showPasswords = choice(key, v, "show", "hide");
            case "format" -> jsonLines = choice(key, v, "jsonl", "text");
            case "severity" -> minSeverity = severity(v);
            default -> throw new IllegalArgumentException("c2: unknown argument \"" + key + "\" (known: entropy, "
                    + "min-length, blob, body-blob, beacon-sessions, beacon-cv, beacon-interval, ports, "
                    + "ignore-headers, passwords, format, severity)");
        }
    }

    /** Bits per character from which a subject or file name token is random-looking. */
    double entropy() {
        return entropy;
    }

    /** Shortest token of a subject or file name that is measured. */
    int minLength() {
        return minLength;
    }

    /** Shortest base64/hex blob reported in an X- header. */
    int headerBlob() {
        return headerBlob;
    }

    /** Shortest base64/hex blob reported in a body (lines joined). */
    int bodyBlob() {
        return bodyBlob;
    }

    int beaconSessions() {
        return beaconSessions;
    }

    double beaconCv() {
        return beaconCv;
    }

    /** Shortest mean interval (seconds) that counts as beaconing: faster repeats are retries or bulk mail. */
    double beaconInterval() {
        return beaconInterval;
    }

    /** True when SMTP on this server port is ordinary. */
    boolean standardPort(int port) {
        return ports.contains(port);
    }

    boolean showPasswords() {
        return showPasswords;
    }

    /** True when the text report is JSON lines (one finding per line) rather than text for people. */
    boolean jsonLines() {
        return jsonLines;
    }

    /** The lowest severity reported. */
    Severity minSeverity() {
        return minSeverity;
    }

    /** True when a header is on the ignore list (names case-insensitive; a trailing * matches a prefix). */
    boolean ignored(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        for (String pattern : ignoredHeaders) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.endsWith("*") ? h.startsWith(p.substring(0, p.length() - 1)) : h.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> portSet(String v) {
        Set<Integer> p = new TreeSet<>();
        for (String s : v.split(":")) {
            int port = Integer.parseInt(s.trim());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("c2: port out of range: " + s);
            }
            p.add(port);
        }
        return Set.copyOf(p);
    }

    private static Severity severity(String v) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("c2: severity is info, low, medium or high");
    }

    private static double positive(String key, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException("c2: " + key + " must be positive");
        }
        return v;
    }

    private static boolean choice(String key, String v, String yes, String no) {
        if (!v.equals(yes) && !v.equals(no)) {
            throw new IllegalArgumentException("c2: " + key + " is " + yes + " or " + no);
        }
        return v.equals(yes);
    }
}
