package io.jdissect.analysis;

import io.jdissect.api.Packet;

/** Small facts about a packet's layers that several analyzers need. */
final class Layers {
    private Layers() {
    }

    /** True for an ICMP error quoting a packet: its inner IP/TCP headers are not traffic of their own. */
    static boolean inErrorPacket(Packet p) {
        return p.info().layers().contains("icmp") || p.info().layers().contains("icmpv6");
    }

    /** Refuses arguments (tap filters are not supported) with a one-line message. */
    static void noArguments(String name, String args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("-z " + name + " takes no arguments (tap filters are not supported): \""
                    + args + "\"");
        }
    }
}
