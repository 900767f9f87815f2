package io.jdissect.protocols.smtp;

import io.jdissect.api.Preferences;

/** tshark's SMTP preferences, declared under tshark's names so {@code -o smtp.…} works. */
final class SmtpPreferences {
    static final String PORTS = "smtp.tcp.port";
    private final Preferences.Pref desegmentLines;
    private final Preferences.Pref desegmentData;
    private final Preferences.Pref decryption;
    private final Preferences.Pref ports;

    SmtpPreferences(Preferences p) {
        ports = p.range(PORTS, "25", "SMTP TCP port(s) (range)");
        desegmentLines = p.bool("smtp.desegment_lines", true,
                "Reassemble SMTP command and response lines spanning multiple TCP segments");
        desegmentData = p.bool("smtp.desegment_data", true,
                "Reassemble SMTP DATA commands spanning multiple TCP segments");
        decryption = p.bool("smtp.decryption", false, "Decode Base64 encoded AUTH parameters");
    }

    boolean desegmentLines() {
        return desegmentLines.bool();
    }

    boolean desegmentData() {
        return desegmentData.bool();
    }

    /** smtp.decryption: decode base64 AUTH values in tshark's own fields. */
    boolean decodeAuth() {
        return decryption.bool();
    }

    long[] ports() {
        return ports.range();
    }
}
