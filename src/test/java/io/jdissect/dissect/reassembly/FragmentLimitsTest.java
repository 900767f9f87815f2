package io.jdissect.dissect.reassembly;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The defragmentation caps on {@code testdata/lower/fragments.pcap} (an IPv4 datagram in three
 * fragments, frames 1, 2, 4; an IPv6 packet in two, frames 5-6): by default both are reassembled
 * (as tshark does, checked by LowerLayersMatchTsharkTest); with a cap of no pending datagrams, or
 * fewer buffered bytes than the fragments hold, nothing is, and each fragment that made the table
 * drop a datagram carries the expert item.
 */
class FragmentLimitsTest {
    private static final Path CAPTURE = Path.of("testdata/lower/fragments.pcap");

    @Test
    void uncappedBothDatagramsAreReassembled() throws IOException {
        assertEquals(List.of("4:reassembled", "6:reassembled"), outcomes());
    }

    @Test
    void noPendingDatagramsMeansEveryFragmentIsDropped() throws IOException {
        assertEquals(List.of("1:ip limit", "2:ip limit", "4:ip limit", "5:ipv6 limit", "6:ipv6 limit"),
                outcomes("ip.jdissect.max_pending_datagrams", "0", "ipv6.jdissect.max_pending_datagrams", "0"));
    }

    @Test
    void tooFewBufferedBytesDropsTheDatagramThatOverflows() throws IOException {
        // IPv4: 800 + 200 bytes exceed 900 at frame 2; frame 4 (800) alone fits and waits in vain.
        assertEquals(List.of("2:ip limit", "6:reassembled"), outcomes("ip.jdissect.max_fragment_bytes", "900"));
    }

    /** Per frame that reassembles or hits a cap: "frame:reassembled" or "frame:proto limit". */
    private static List<String> outcomes(String... prefs) throws IOException {
        JDissect.Builder b = JDissect.builder();
        for (int i = 0; i < prefs.length; i += 2) {
            b.preference(prefs[i], prefs[i + 1]);
        }
        List<String> out = new ArrayList<>();
        try (PacketStream packets = b.build().open(CAPTURE)) {
            for (Packet p : packets) {
                if (p.has("ip.reassembled.length") || p.has("ipv6.reassembled.length")) {
                    out.add(p.number() + ":reassembled");
                }
                for (String proto : List.of("ip", "ipv6")) {
                    if (p.has(proto + ".jdissect.fragment_limit")) {
                        out.add(p.number() + ":" + proto + " limit");
                    }
                }
            }
        }
        return out;
    }
}
