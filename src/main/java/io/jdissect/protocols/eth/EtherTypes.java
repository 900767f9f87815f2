package io.jdissect.protocols.eth;

import java.util.Map;

/** Labels of EtherType values, as Wireshark's etype_vals shows them in {@code eth.type} and friends. */
public final class EtherTypes {
    private EtherTypes() {
    }

    public static final int IPV4 = 0x0800;
    public static final int IPV6 = 0x86dd;
    public static final int VLAN = 0x8100;
    public static final int QINQ = 0x88a8;
    public static final int QINQ_OLD = 0x9100;

    /** Values up to this are IEEE 802.3 lengths, not types (IEEE 802.3 clause 3.2.6). */
    public static final int MAX_802_3_LENGTH = 1500;
    /** Values from this on are EtherTypes. */
    public static final int MIN_ETHERTYPE = 0x0600;

    public static final Map<Long, String> LABELS = Map.ofEntries(
            Map.entry(0x0800L, "IPv4"),
            Map.entry(0x0806L, "ARP"),
            Map.entry(0x0842L, "Wake on LAN"),
            Map.entry(0x8035L, "RARP"),
            Map.entry(0x8100L, "802.1Q Virtual LAN"),
            Map.entry(0x86ddL, "IPv6"),
            Map.entry(0x8847L, "MPLS label switched packet"),
            Map.entry(0x8848L, "MPLS multicast label switched packet"),
            Map.entry(0x8863L, "PPPoE Discovery"),
            Map.entry(0x8864L, "PPPoE Session"),
            Map.entry(0x888eL, "802.1X Authentication"),
            Map.entry(0x88a8L, "802.1ad Provider Bridge (Q-in-Q)"),
            Map.entry(0x88ccL, "802.1 Link Layer Discovery Protocol (LLDP)"),
            Map.entry(0x88e5L, "802.1AE (MACsec)"),
            Map.entry(0x88f7L, "PTPv2 over Ethernet (IEEE1588)"),
            Map.entry(0x9000L, "Loopback"),
            Map.entry(0x9100L, "QinQ: old non-standard 802.1ad"));
}
