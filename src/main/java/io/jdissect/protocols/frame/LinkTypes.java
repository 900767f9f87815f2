package io.jdissect.protocols.frame;

import java.util.Map;

/**
 * Capture-file link types (LINKTYPE_* of pcap and pcapng) mapped to Wireshark's encapsulation
 * numbers (WTAP_ENCAP_*), which key the {@code wtap_encap} dissector table and are what
 * {@code frame.encap_type} shows.
 */
public final class LinkTypes {
    private LinkTypes() {
    }

    public static final int ENCAP_ETHERNET = 1;
    /** LINKTYPE_FDDI as libpcap writes it on most systems: addresses in FDDI's bit order. */
    public static final int ENCAP_FDDI_BITSWAPPED = 6;
    public static final int ENCAP_RAW_IP = 7;
    public static final int ENCAP_NULL = 15;
    public static final int ENCAP_SLL = 25;
    public static final int ENCAP_LOOP = 174;
    public static final int ENCAP_RAW_IP4 = 129;
    public static final int ENCAP_RAW_IP6 = 130;
    public static final int ENCAP_SLL2 = 210;

    private static final Map<Integer, Integer> LINKTYPE_TO_ENCAP = Map.of(
            0, ENCAP_NULL,
            1, ENCAP_ETHERNET,
            10, ENCAP_FDDI_BITSWAPPED,
            12, ENCAP_RAW_IP,
            101, ENCAP_RAW_IP,
            108, ENCAP_LOOP,
            113, ENCAP_SLL,
            228, ENCAP_RAW_IP4,
            229, ENCAP_RAW_IP6,
            276, ENCAP_SLL2);

    /** The labels tshark shows for {@code frame.encap_type}. */
    static final Map<Long, String> ENCAP_NAMES = Map.of(
            (long) ENCAP_ETHERNET, "Ethernet",
            (long) ENCAP_FDDI_BITSWAPPED, "FDDI with bit-swapped MAC addresses",
            (long) ENCAP_RAW_IP, "Raw IP",
            (long) ENCAP_NULL, "NULL/Loopback",
            (long) ENCAP_SLL, "Linux cooked-mode capture v1",
            (long) ENCAP_LOOP, "OpenBSD loopback",
            (long) ENCAP_RAW_IP4, "Raw IPv4",
            (long) ENCAP_RAW_IP6, "Raw IPv6",
            (long) ENCAP_SLL2, "Linux cooked-mode capture v2");

    /** WTAP encapsulation for a pcap LINKTYPE, or null if jdissect has no dissector for it. */
    public static Integer encapOf(int linkType) {
        return LINKTYPE_TO_ENCAP.get(linkType);
    }
}
