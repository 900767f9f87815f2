package io.jdissect.plugins.c2;

import java.util.Locale;

/** How strongly a finding suggests command and control, lowest first. */
enum Severity {
    INFO, LOW, MEDIUM, HIGH;

    /** The name used in reports: {@code info}, {@code low}, {@code medium}, {@code high}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
