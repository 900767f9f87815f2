package io.jdissect.api;

import java.util.function.Predicate;

/**
 * Up to 64 fields a dissector adds on every packet, asked about together with
 * {@link PacketInfo#wanted(WantedFields)}: one question per packet, answered with a bit per field
 * (bit i for the i-th field given) and remembered for the run's needs, instead of one question per
 * field.
 */
public final class WantedFields {
    private final FieldDef[] fields;
    private volatile Answer answer;

    private record Answer(Predicate<String> needs, long bits) {
    }

    public WantedFields(FieldDef... fields) {
        if (fields.length > 64) {
            throw new IllegalArgumentException("at most 64 fields: " + fields.length);
        }
        this.fields = fields.clone();
    }

    long bitsFor(Predicate<String> needs) {
        Answer a = answer;
        if (a == null || a.needs() != needs) {
            long bits = 0;
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].wantedBy(needs)) {
                    bits |= 1L << i;
                }
            }
            a = new Answer(needs, bits);
            answer = a;
        }
        return a.bits();
    }
}
