package io.jdissect.cli;

import io.jdissect.api.Packet;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A {@code -z} statistic: sees every dissected packet (as tshark's taps do, whatever {@code -Y}),
 * then prints its report after the packets.
 */
interface StatisticsTap {
    /** The {@code -z} names jdissect knows, and how to make each. */
    Map<String, Supplier<StatisticsTap>> KNOWN = new TreeMap<>(Map.of("credentials", CredentialsTap::new));

    void accept(Packet packet);

    void report(PrintWriter out);

    /** The taps for {@code -z} arguments, in order; an unknown name → IllegalArgumentException with tshark's wording. */
    static List<StatisticsTap> of(List<String> names) {
        return names.stream().map(n -> {
            Supplier<StatisticsTap> tap = KNOWN.get(n);
            if (tap == null) {
                throw new IllegalArgumentException("Invalid -z argument \"" + n + "\"; it must be one of:\n     "
                        + String.join("\n     ", KNOWN.keySet()));
            }
            return tap.get();
        }).toList();
    }
}
