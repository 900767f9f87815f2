package io.jdissect.protocols.tcp;

import io.jdissect.api.Preferences;

/**
 * TCP's preferences: tshark's own (only their defaults are implemented, see the report) and
 * jdissect's memory caps (reassembly, connections with state).
 */
final class TcpPreferences {
    static final String DESEGMENT = "tcp.desegment_tcp_streams";
    static final String NO_SUBDISSECTOR_ON_ERROR = "tcp.no_subdissector_on_error";
    static final String MAX_STREAM = "tcp.jdissect.max_reassembly_bytes";
    static final String MAX_TOTAL = "tcp.jdissect.max_total_reassembly_bytes";
    static final String MAX_STREAMS = "tcp.jdissect.max_streams";
    static final String MAX_STREAM_INDEXES = "tcp.jdissect.max_evicted_stream_numbers";

    final boolean desegment;
    final boolean noSubdissectorOnError;
    final long maxStreamReassembly;
    final long maxTotalReassembly;
    final int maxStreams;
    final int maxStreamIndexes;

    private TcpPreferences(Preferences p) {
        desegment = p.get(DESEGMENT).bool();
        noSubdissectorOnError = p.get(NO_SUBDISSECTOR_ON_ERROR).bool();
        maxStreamReassembly = p.get(MAX_STREAM).uint();
        maxTotalReassembly = p.get(MAX_TOTAL).uint();
        maxStreams = (int) Math.min(Integer.MAX_VALUE, p.get(MAX_STREAMS).uint());
        maxStreamIndexes = (int) Math.min(Integer.MAX_VALUE, p.get(MAX_STREAM_INDEXES).uint());
    }

    /** Declares the preferences with their defaults (register phase). */
    static void declare(Preferences p) {
        p.bool(DESEGMENT, true, "Allow subdissector to reassemble TCP streams");
        p.bool(NO_SUBDISSECTOR_ON_ERROR, true, "Do not call subdissectors for error packets");
        p.uint(MAX_STREAM, 16L * 1024 * 1024,
                "jdissect: most bytes buffered for reassembly in one TCP stream direction");
        // With SMTP's cap over all messages and the defragmentation caps, within the launcher's heap.
        p.uint(MAX_TOTAL, 64L * 1024 * 1024,
                "jdissect: most bytes buffered for TCP reassembly over all streams");
        p.uint(MAX_STREAMS, 20_000,
                "jdissect: most TCP connections with state; the least recently seen is evicted beyond");
        p.uint(MAX_STREAM_INDEXES, 1_000_000,
                "jdissect: most evicted TCP connections whose tcp.stream number is remembered");
    }

    /** Reads the final values (hand-off phase, after -o). */
    static TcpPreferences read(Preferences p) {
        return new TcpPreferences(p);
    }
}
