package io.jdissect.protocols.ip;

import io.jdissect.field.FieldFormat;

import java.util.Map;

/**
 * The DiffServ byte shared by IPv4's DS field and IPv6's Traffic Class: codepoint names
 * (RFC 2474, RFC 4594, RFC 8622) and ECN codepoints (RFC 3168 section 5), long for the fields and
 * short for the summary line "0x00 (DSCP: CS0, ECN: Not-ECT)".
 */
public final class TrafficClass {
    private TrafficClass() {
    }

    private static final Map<Long, String> DSCP_SHORT = Map.ofEntries(
            Map.entry(0L, "CS0"), Map.entry(1L, "LE"), Map.entry(8L, "CS1"), Map.entry(10L, "AF11"),
            Map.entry(12L, "AF12"), Map.entry(14L, "AF13"), Map.entry(16L, "CS2"), Map.entry(18L, "AF21"),
            Map.entry(20L, "AF22"), Map.entry(22L, "AF23"), Map.entry(24L, "CS3"), Map.entry(26L, "AF31"),
            Map.entry(28L, "AF32"), Map.entry(30L, "AF33"), Map.entry(32L, "CS4"), Map.entry(34L, "AF41"),
            Map.entry(36L, "AF42"), Map.entry(38L, "AF43"), Map.entry(40L, "CS5"), Map.entry(44L, "VOICE-ADMIT"),
            Map.entry(46L, "EF"), Map.entry(48L, "CS6"), Map.entry(56L, "CS7"));
    public static final Map<Long, String> DSCP = Map.ofEntries(
            Map.entry(0L, "Default"), Map.entry(1L, "Lower Effort"), Map.entry(8L, "Class Selector 1"),
            Map.entry(10L, "Assured Forwarding 11"), Map.entry(12L, "Assured Forwarding 12"),
            Map.entry(14L, "Assured Forwarding 13"), Map.entry(16L, "Class Selector 2"),
            Map.entry(18L, "Assured Forwarding 21"), Map.entry(20L, "Assured Forwarding 22"),
            Map.entry(22L, "Assured Forwarding 23"), Map.entry(24L, "Class Selector 3"),
            Map.entry(26L, "Assured Forwarding 31"), Map.entry(28L, "Assured Forwarding 32"),
            Map.entry(30L, "Assured Forwarding 33"), Map.entry(32L, "Class Selector 4"),
            Map.entry(34L, "Assured Forwarding 41"), Map.entry(36L, "Assured Forwarding 42"),
            Map.entry(38L, "Assured Forwarding 43"), Map.entry(40L, "Class Selector 5"),
            Map.entry(44L, "Voice Admit"), Map.entry(46L, "Expedited Forwarding"),
            Map.entry(48L, "Class Selector 6"), Map.entry(56L, "Class Selector 7"));
    private static final String[] ECN_SHORT = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};
    public static final Map<Long, String> ECN = Map.of(
            0L, "Not ECN-Capable Transport", 1L, "ECN-Capable Transport codepoint '01'",
            2L, "ECN-Capable Transport codepoint '10'", 3L, "Congestion Experienced");

    /** "0x48 (DSCP: AF21, ECN: Not-ECT)" for the whole byte. */
    public static String summary(long value) {
        return FieldFormat.hex(value, 2) + " (DSCP: " + DSCP_SHORT.getOrDefault(value >> 2, "Unknown")
                + ", ECN: " + ECN_SHORT[(int) (value & 3)] + ")";
    }
}
