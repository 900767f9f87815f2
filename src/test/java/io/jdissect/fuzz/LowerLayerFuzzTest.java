package io.jdissect.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;

/**
 * Frames of any link type jdissect reads ({@link FuzzFrames}) through the wtap_encap, ethertype
 * and ip.proto tables: eth, vlan, sll, null/loop, raw IP, IPv4 (options, fragments), IPv6
 * (extension headers, fragments), ICMP (quoted datagrams), TCP headers and options. Invariant: the
 * damage is contained in each packet (a malformed item), and no dissector throws anything but a
 * read past the end.
 */
class LowerLayerFuzzTest {
    private static final JDissect JD = JDissect.create();

    @FuzzTest(maxDuration = "60s")
    void frames(byte[] data) {
        for (Packet p : FuzzFrames.dissect(JD, FuzzFrames.pcap(data))) {
            FuzzFrames.assertNoDissectorBug(p);
        }
    }
}
