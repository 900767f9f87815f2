package io.jdissect.api;

import java.util.function.Predicate;

/**
 * A protocol or field name that a dissector asks {@link PacketInfo#wants(WantedName)} about on every
 * packet, with the answer remembered for the run's needs: a constant of the dissector instead of a
 * look-up by string per packet. {@code static final WantedName SESSION = new WantedName("smtp.x");}
 */
public final class WantedName {
    private final String abbrev;
    private volatile WantedAnswer answer;

    public WantedName(String abbrev) {
        this.abbrev = abbrev;
    }

    public String abbrev() {
        return abbrev;
    }

    /** {@code needs.test(abbrev())}, remembered for the last {@code needs} asked (a run's needs do not change). */
    boolean wantedBy(Predicate<String> needs) {
        WantedAnswer a = answer;
        if (a == null || a.needs() != needs) {
            a = new WantedAnswer(needs, needs.test(abbrev));
            answer = a;
        }
        return a.wanted();
    }

    @Override
    public String toString() {
        return abbrev;
    }
}
