package io.jdissect.analysis;

import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;

/** Small facts about a packet's layers that several analyzers need. */
final class Layers {
    private Layers() {
    }

    /** True for an ICMP error quoting a packet: its inner IP/TCP headers are not traffic of their own. */
    static boolean inErrorPacket(Packet p) {
        return p.info().layers().contains("icmp") || p.info().layers().contains("icmpv6");
    }

    /** Refuses arguments (of analyzers that take none) with a one-line message. */
    static void noArguments(String name, String args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("-z " + name + " takes no arguments: \"" + args + "\"");
        }
    }

    /**
     * The tap filter of an analyzer whose arguments are only a filter ({@code conv,tcp,FILTER});
     * {@code tap} names it in the error message as tshark does ("conversations", "endpoint").
     */
    static TapFilter tapFilter(String name, String tap, String args, FieldRegistry fields) {
        return args.isEmpty() ? TapFilter.none() : TapFilter.compile(args, fields, tap);
    }

    /** After "Filter:" in tshark's tap-iousers.c and tap-endpoints.c headers. */
    static String filterHeader(TapFilter f) {
        return f.text() == null ? "<No Filter>" : f.text();
    }

    /** jdissect's own reports: a "Filter: …" line only when the analyzer has a filter. */
    static String filterLine(TapFilter f) {
        return f.text() == null ? "" : "Filter: " + f.text() + "\n";
    }
}
