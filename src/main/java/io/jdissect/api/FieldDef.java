package io.jdissect.api;

import java.util.function.Predicate;

import java.util.Map;

/**
 * One field as Wireshark declares it (a header_field_info): abbreviation, display name, type, display
 * base, bitmask, description, the protocol it belongs to, and optional value labels. Declared once,
 * in the {@link FieldRegistry}; trees, filters, {@code -G fields} and every writer read it from there.
 */
public final class FieldDef {
    private final ProtocolDef protocol;
    private final String abbrev;
    private final String name;
    private final FieldType type;
    private final Base base;
    private final long bitmask;
    private final String blurb;
    private final ValueStrings values;
    private int booleanBits;
    private final boolean own;
    private final int id;
    private static int nextId;
    /** "Does the run read this field?", answered once per run. */
    private volatile WantedAnswer wanted;

    FieldDef(ProtocolDef protocol, String abbrev, String name, FieldType type, Base base, long bitmask,
             String blurb, ValueStrings values) {
        this.protocol = protocol;
        this.abbrev = abbrev;
        this.name = name;
        this.type = type;
        this.base = base;
        this.bitmask = bitmask;
        this.blurb = blurb;
        this.values = values;
        String x = protocol == null ? null : protocol.abbrev() + ".x";
        this.own = x != null && (abbrev.equals(x) || abbrev.startsWith(x + "."));
        synchronized (FieldDef.class) {
            this.id = nextId++;
        }
    }

    public ProtocolDef protocol() {
        return protocol;
    }

    /**
     * {@code needs.test(abbrev())}, remembered for the last {@code needs} asked: dissectors ask
     * for their fields on every packet, and a run's needs do not change ({@link PacketInfo#wants(FieldDef)}).
     */
    boolean wantedBy(Predicate<String> needs) {
        WantedAnswer w = wanted;
        if (w == null || w.needs() != needs) {
            w = new WantedAnswer(needs, needs.test(abbrev));
            wanted = w;
        }
        return w.wanted();
    }

    public String abbrev() {
        return abbrev;
    }

    /** Whether this is one of jdissect's own fields ({@code <protocol>.x} or {@code <protocol>.x.*}), not tshark's. */
    public boolean isOwn() {
        return own;
    }

    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public Base base() {
        return base;
    }

    public long bitmask() {
        return bitmask;
    }

    public String blurb() {
        return blurb;
    }

    /** Value labels of integer fields (value_string / true_false_string), or null. */
    public ValueStrings values() {
        return values;
    }

    /**
     * For FT_BOOLEAN: the width in bits of the containing integer that the bitmask applies to
     * (tshark prints it in the base column of {@code -G fields}); 0 for a stand-alone boolean.
     */
    public int booleanBits() {
        return booleanBits;
    }

    void setBooleanBits(int bits) {
        this.booleanBits = bits;
    }

    /** A small dense number, unique per field in this JVM, for array-indexed lookups. */
    public int id() {
        return id;
    }

    public boolean isProtocol() {
        return type == FieldType.FT_PROTOCOL;
    }

    /** Number of bits the bitmask is shifted by: the value shown is {@code (raw & mask) >>> shift}. */
    public int bitShift() {
        return bitmask == 0 ? 0 : Long.numberOfTrailingZeros(bitmask);
    }

    @Override
    public String toString() {
        return abbrev;
    }

    /** Labels of a field, e.g. {@code 250 -> "Requested mail action okay, completed"}. */
    public static final class ValueStrings {
        private final Map<Long, String> labels;
        private final String trueLabel;
        private final String falseLabel;

        private ValueStrings(Map<Long, String> labels, String trueLabel, String falseLabel) {
            this.labels = labels;
            this.trueLabel = trueLabel;
            this.falseLabel = falseLabel;
        }

        public static ValueStrings of(Map<Long, String> labels) {
            return new ValueStrings(Map.copyOf(labels), null, null);
        }

        /** A true_false_string, e.g. ("Set", "Not set"). */
        public static ValueStrings trueFalse(String trueLabel, String falseLabel) {
            return new ValueStrings(Map.of(), trueLabel, falseLabel);
        }

        public String label(long value) {
            if (trueLabel != null) {
                return value != 0 ? trueLabel : falseLabel;
            }
            return labels.get(value);
        }

        public Map<Long, String> labels() {
            return labels;
        }

        public String trueLabel() {
            return trueLabel;
        }

        public String falseLabel() {
            return falseLabel;
        }
    }
}
