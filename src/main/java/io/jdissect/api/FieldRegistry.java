package io.jdissect.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every protocol and field known to one dissection setup, in registration order (the order of
 * {@code -G fields}). Dissectors declare their fields here once and keep the returned handles.
 */
public final class FieldRegistry {
    private final Map<String, ProtocolDef> protocols = new LinkedHashMap<>();
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final List<FieldDef> ordered = new ArrayList<>();

    /** Registers a protocol; registering the same abbreviation twice is a programming error. */
    public synchronized ProtocolDef protocol(String name, String shortName, String abbrev) {
        if (fields.containsKey(abbrev)) {
            throw new IllegalArgumentException("protocol or field already registered: " + abbrev);
        }
        ProtocolDef p = new ProtocolDef(name, shortName, abbrev);
        protocols.put(abbrev, p);
        fields.put(abbrev, p.field());
        ordered.add(p.field());
        return p;
    }

    /** Starts the declaration of a field of {@code protocol}; finish it with {@link Builder#register()}. */
    public Builder field(ProtocolDef protocol, String abbrev, String name, FieldType type) {
        return new Builder(protocol, abbrev, name, type);
    }

    public synchronized FieldDef lookup(String abbrev) {
        return fields.get(abbrev);
    }

    public synchronized ProtocolDef lookupProtocol(String abbrev) {
        return protocols.get(abbrev);
    }

    /** Protocols and fields in registration order. */
    public synchronized List<FieldDef> all() {
        return Collections.unmodifiableList(new ArrayList<>(ordered));
    }

    public synchronized List<ProtocolDef> protocols() {
        return List.copyOf(protocols.values());
    }

    private synchronized FieldDef add(FieldDef def) {
        FieldDef existing = fields.get(def.abbrev());
        if (existing != null) {
            // Wireshark allows one abbreviation for several header fields of the same type
            // (e.g. tcp.options.* in several option subtrees), or of unsigned integers of several
            // widths (llc.control.ftype: 8 bits in U frames, 16 in I and S frames); the first one
            // stands for filters.
            boolean bothUnsigned = existing.type().isUnsigned() && def.type().isUnsigned();
            if (existing.type() != def.type() && !bothUnsigned) {
                throw new IllegalArgumentException("field " + def.abbrev() + " registered with two types");
            }
        } else {
            fields.put(def.abbrev(), def);
        }
        ordered.add(def);
        return def;
    }

    /** Fluent declaration of one field. */
    public final class Builder {
        private final ProtocolDef protocol;
        private final String abbrev;
        private final String name;
        private final FieldType type;
        private Base base = Base.NONE;
        private long bitmask;
        private String blurb;
        private FieldDef.ValueStrings values;
        private int booleanBits;

        private Builder(ProtocolDef protocol, String abbrev, String name, FieldType type) {
            this.protocol = protocol;
            this.abbrev = abbrev;
            this.name = name;
            this.type = type;
            if (type.isInteger() && type != FieldType.FT_BOOLEAN) {
                base = Base.BASE_DEC;
            }
        }

        public Builder base(Base b) {
            this.base = b;
            return this;
        }

        public Builder hex() {
            return base(Base.BASE_HEX);
        }

        /** Bitmask within an integer of {@code bits} bits (for booleans: tshark's base column). */
        public Builder mask(long mask, int bits) {
            this.bitmask = mask;
            this.booleanBits = bits;
            return this;
        }

        public Builder mask(long mask) {
            this.bitmask = mask;
            return this;
        }

        public Builder blurb(String text) {
            this.blurb = text;
            return this;
        }

        public Builder values(Map<Long, String> labels) {
            this.values = FieldDef.ValueStrings.of(labels);
            return this;
        }

        public Builder trueFalse(String trueLabel, String falseLabel) {
            this.values = FieldDef.ValueStrings.trueFalse(trueLabel, falseLabel);
            return this;
        }

        public FieldDef register() {
            FieldDef def = new FieldDef(protocol, abbrev, name, type, base, bitmask, blurb, values);
            def.setBooleanBits(booleanBits);
            return add(def);
        }
    }
}
