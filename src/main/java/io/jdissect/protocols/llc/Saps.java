package io.jdissect.protocols.llc;

import java.util.HashMap;
import java.util.Map;

/** Names of IEEE 802.2 service access points, as Wireshark's sap_vals (epan/llcsaps.h). */
final class Saps {
    static final int SNAP = 0xaa;
    /** The low bit of a DSAP (individual/group) or SSAP (command/response). */
    static final int LOW_BIT = 0x01;
    static final int SAP_MASK = 0xfe;

    /** Keyed by the whole octet, as llc.dsap and llc.ssap show it. */
    static final Map<Long, String> BY_OCTET = Map.ofEntries(
            Map.entry(0x00L, "NULL LSAP"), Map.entry(0x01L, "NULL LSAP"),
            Map.entry(0x02L, "LLC Sub-Layer Management"), Map.entry(0x04L, "SNA Path Control"),
            Map.entry(0x06L, "TCP/IP"), Map.entry(0x08L, "SNA"), Map.entry(0x0cL, "SNA"),
            Map.entry(0x0eL, "PROWAY (IEC955) Network Management and Initialization"),
            Map.entry(0x10L, "NetWare (unofficial?)"), Map.entry(0x14L, "ISO Network Layer (OSLAN 1)"),
            Map.entry(0x18L, "Texas Instruments"), Map.entry(0x20L, "ISO Network Layer (unofficial?)"),
            Map.entry(0x34L, "ISO Network Layer (unofficial?)"), Map.entry(0x42L, "Spanning Tree BPDU"),
            Map.entry(0x4eL, "EIA RS-511 Manufacturing Message Service"),
            Map.entry(0x54L, "ISO Network Layer (OSLAN 2)"), Map.entry(0x7eL, "ISO 8208 (X.25 over 802.2)"),
            Map.entry(0x7fL, "ISO 802.2"), Map.entry(0x80L, "XNS"), Map.entry(0x82L, "BACnet"),
            Map.entry(0x86L, "Nestar"), Map.entry(0x8eL, "PROWAY (IEC955) Active Station List Maintenance"),
            Map.entry(0x98L, "ARP"), Map.entry(0xaaL, "SNAP"), Map.entry(0xb4L, "HP JetDirect Printer"),
            Map.entry(0xbaL, "Banyan Vines"), Map.entry(0xbcL, "Banyan Vines"), Map.entry(0xe0L, "NetWare"),
            Map.entry(0xf0L, "NetBIOS"), Map.entry(0xf4L, "IBM Net Management"), Map.entry(0xf8L, "HP Extended LLC"),
            Map.entry(0xfaL, "Ungermann-Bass"), Map.entry(0xfcL, "Remote Program Load"),
            Map.entry(0xfeL, "ISO Network Layer"), Map.entry(0xffL, "Global LSAP"));

    /**
     * Keyed by the 7-bit SAP number (llc.dsap.sap, the octet shifted right): tshark's custom
     * display looks the number up shifted back, with the low bit 0.
     */
    static final Map<Long, String> BY_NUMBER = byNumber();

    private Saps() {
    }

    private static Map<Long, String> byNumber() {
        Map<Long, String> m = new HashMap<>();
        for (long sap = 0; sap < 0x80; sap++) {
            m.put(sap, BY_OCTET.getOrDefault(sap << 1, "Unknown"));
        }
        return Map.copyOf(m);
    }

    /** The SAP of an octet without its low bit, as the Info column names it ({@code 0x%02x} if unnamed). */
    static String infoName(int octet) {
        String name = BY_OCTET.get((long) (octet & SAP_MASK));
        return name != null ? name : String.format("0x%02x", octet & SAP_MASK);
    }
}
