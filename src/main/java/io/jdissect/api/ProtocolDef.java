package io.jdissect.api;

/**
 * A protocol as Wireshark registers it: full name ("Simple Mail Transfer Protocol"), short name for
 * the Protocol column ("SMTP") and filter abbreviation ("smtp"). The protocol is itself a field of
 * type FT_PROTOCOL, so {@code smtp} works in filters and {@code -e}.
 */
public final class ProtocolDef {
    private final String name;
    private final String shortName;
    private final String abbrev;
    private final FieldDef field;

    ProtocolDef(String name, String shortName, String abbrev) {
        this.name = name;
        this.shortName = shortName;
        this.abbrev = abbrev;
        this.field = new FieldDef(this, abbrev, name, FieldType.FT_PROTOCOL, Base.NONE, 0, null, null);
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }

    public String abbrev() {
        return abbrev;
    }

    /** The FT_PROTOCOL field that stands for this protocol in trees and filters. */
    public FieldDef field() {
        return field;
    }

    @Override
    public String toString() {
        return abbrev;
    }
}
