package io.jdissect.protocols.smtp;

import io.jdissect.api.Preferences;

/** tshark's SMTP preferences, declared under tshark's names so {@code -o smtp.…} works, and jdissect's caps. */
final class SmtpPreferences {
    static final String PORTS = "smtp.tcp.port";
    private final Preferences.Pref desegmentLines;
    private final Preferences.Pref desegmentData;
    private final Preferences.Pref decryption;
    private final Preferences.Pref ports;
    private final Preferences.Pref maxLine;
    private final Preferences.Pref maxPending;
    private final Preferences.Pref maxMessage;
    private final Preferences.Pref maxTotalMessages;

    SmtpPreferences(Preferences p) {
        ports = p.range(PORTS, "25", "SMTP TCP port(s) (range)");
        desegmentLines = p.bool("smtp.desegment_lines", true,
                "Reassemble SMTP command and response lines spanning multiple TCP segments");
        desegmentData = p.bool("smtp.desegment_data", true,
                "Reassemble SMTP DATA commands spanning multiple TCP segments");
        decryption = p.bool("smtp.decryption", false, "Decode Base64 encoded AUTH parameters");
        maxLine = p.uint("smtp.jdissect.max_line_length", SmtpLimits.DEFAULT_LINE,
                "jdissect: longest command or reply line kept while waiting for its end");
        maxPending = p.uint("smtp.jdissect.max_pending_commands", SmtpLimits.DEFAULT_PENDING,
                "jdissect: most requests waiting for a reply; older ones are forgotten");
        maxMessage = p.uint(MessageBuffer.MAX_MESSAGE, SmtpLimits.DEFAULT_MESSAGE,
                "jdissect: most bytes of one message kept (DATA or BDAT)");
        maxTotalMessages = p.uint(MessageBuffer.MAX_TOTAL, SmtpLimits.DEFAULT_TOTAL_MESSAGES,
                "jdissect: most bytes kept of all messages in flight (DATA or BDAT not yet ended)");
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

    /** The memory caps, as set now (read per new session, so after -o). */
    SmtpLimits limits() {
        return new SmtpLimits(clamp(maxLine.uint()), clamp(maxPending.uint()), clamp(maxMessage.uint()));
    }

    /** The cap over all messages in flight, as set now (read at hand-off, after -o). */
    long maxTotalMessageBytes() {
        return maxTotalMessages.uint();
    }

    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    long[] ports() {
        return ports.range();
    }
}
