package io.jdissect.analysis;

import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;
import io.jdissect.filter.DisplayFilter;
import io.jdissect.filter.FilterException;
import io.jdissect.protocols.tcp.TcpInfo;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tap's own display filter (tshark's {@code -z conv,tcp,FILTER}: register_tap_listener's filter
 * string): the analyzer sees only the packets that pass it, whatever {@code -Y}. For analyzers fed
 * by stream events, an event passes when a packet of its TCP stream has passed so far. One per
 * analyzer: it remembers those streams.
 */
final class TapFilter {
    private final String text;
    private final DisplayFilter filter;
    private final Set<Long> streams = new HashSet<>();

    private TapFilter(String text, DisplayFilter filter) {
        this.text = text;
        this.filter = filter;
    }

    /** No filter: every packet and event passes. */
    static TapFilter none() {
        return new TapFilter(null, DisplayFilter.ALL);
    }

    /**
     * Compiles a tap's filter ({@code text} null for none, possibly empty as in {@code conv,tcp,},
     * which passes everything) for the tap called {@code tap} in tshark's message for a filter that
     * does not compile ("Couldn't register conversations tap: Filter "x==" is invalid - …", exit 1).
     */
    static TapFilter compile(String text, FieldRegistry registry, String tap) {
        return compile(text, registry, tap, invalid -> "Couldn't register " + tap + " tap: " + invalid);
    }

    /** As {@link #compile(String, FieldRegistry, String)}, with the tap's own wording around tshark's "Filter … is invalid". */
    static TapFilter compile(String text, FieldRegistry registry, String tap, UnaryOperator<String> wording) {
        if (text == null) {
            return none();
        }
        if (registry == null) {
            throw new IllegalArgumentException("-z " + tap + ": a filter needs the field registry"
                    + " (AnalyzerFactory.create(args, registry))");
        }
        try {
            return new TapFilter(text, DisplayFilter.compile(text, registry));
        } catch (FilterException e) {
            // epan/tap.c: register_tap_listener's error string
            throw new IllegalArgumentException(wording.apply("Filter \"" + text + "\" is invalid - " + e.getMessage()));
        }
    }

    /** What a tap that reads {@code layer} reads with this filter: the layer and the filter's fields. */
    Set<String> fieldsReadWith(String layer) {
        Set<String> read = new HashSet<>(filter.fieldsUsed());
        read.add(layer);
        return read;
    }

    /** The filter as given, or null when there is none (tshark's headers then say so). */
    String text() {
        return text;
    }

    /** True when the packet passes; remembers its TCP stream for {@link #passesStream}. */
    boolean passes(Packet p) {
        if (text == null) {
            return true;
        }
        if (!filter.matches(p)) {
            return false;
        }
        TcpInfo tcp = p.info().get(TcpInfo.class);
        if (tcp != null && tcp.stream() >= 0) {
            streams.add((long) tcp.stream());
        }
        return true;
    }

    /** True for an event of a TCP stream a packet of which has passed so far (always without a filter). */
    boolean passesStream(long stream) {
        return text == null || streams.contains(stream);
    }
}
