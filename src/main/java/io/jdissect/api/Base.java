package io.jdissect.api;

/** Display bases of integer fields (Wireshark's field_display_e), by the names of {@code -G fields}. */
public enum Base {
    NONE(""),
    BASE_DEC("BASE_DEC"),
    BASE_HEX("BASE_HEX"),
    BASE_OCT("BASE_OCT"),
    BASE_DEC_HEX("BASE_DEC_HEX"),
    BASE_HEX_DEC("BASE_HEX_DEC"),
    /** Absolute times displayed as UTC. */
    ABSOLUTE_TIME_UTC("ABSOLUTE_TIME_UTC"),
    /** Absolute times displayed in local time (tshark's default). */
    ABSOLUTE_TIME_LOCAL("ABSOLUTE_TIME_LOCAL");

    private final String label;

    Base(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
