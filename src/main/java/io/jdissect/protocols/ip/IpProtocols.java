package io.jdissect.protocols.ip;

import java.util.Map;

/** Names of IP protocol numbers (IANA "Assigned Internet Protocol Numbers"), as Wireshark labels them. */
public final class IpProtocols {
    private IpProtocols() {
    }

    public static final int HOPOPTS = 0;
    public static final int IPV6 = 41;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int DSTOPTS = 60;

    public static final Map<Long, String> LABELS = Map.ofEntries(
            Map.entry(0L, "IPv6 Hop-by-Hop Option"), Map.entry(1L, "ICMP"), Map.entry(2L, "IGMP"),
            Map.entry(4L, "IPIP"), Map.entry(6L, "TCP"), Map.entry(8L, "EGP"), Map.entry(9L, "IGRP"),
            Map.entry(17L, "UDP"), Map.entry(41L, "IPv6"), Map.entry(43L, "Routing Header for IPv6"),
            Map.entry(44L, "Fragment Header for IPv6"), Map.entry(46L, "RSVP"), Map.entry(47L, "GRE"), Map.entry(50L, "ESP"),
            Map.entry(51L, "AH"), Map.entry(58L, "ICMPv6"), Map.entry(59L, "No Next Header for IPv6"),
            Map.entry(60L, "Destination Options for IPv6"), Map.entry(88L, "EIGRP"), Map.entry(89L, "OSPF IGP"),
            Map.entry(103L, "PIM"), Map.entry(112L, "VRRP"), Map.entry(115L, "L2TP"), Map.entry(132L, "SCTP"),
            Map.entry(135L, "Mobile IPv6"), Map.entry(136L, "UDPLite"), Map.entry(137L, "MPLS in IP"));

    /** "TCP" for 6, or "Unknown" as Wireshark's value_string lookups say. */
    public static String name(int proto) {
        String n = LABELS.get((long) proto);
        return n == null ? "Unknown" : n;
    }
}
