package io.jdissect.protocols.tcp;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.api.TreeItem;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reassembly service with a length-prefixed application (exact byte counts and "one more
 * segment"), on a capture made by testdata/tcp/make_dns_tcp_segments.py and compared with
 * tshark's DNS-over-TCP dissection of it (tcp_dissect_pdus): messages split over segments, several
 * per segment, a one-byte segment, a retransmission and a spurious retransmission.
 */
class TcpReassemblyTest {
    private static final SharedTestdata.Capture DNS = new SharedTestdata.Capture(
            Path.of("testdata/tcp/dns_tcp_segments.pcap"), "", 26);

    @Test
    void lengthPrefixedMessagesReassembleAsTsharkDoes() throws IOException {
        TcpMatchesTsharkTest.compareFieldsTsv(DNS, TcpMatchesTsharkTest.setup(DNS, "tcp-test-plugins-lp"));
    }

    @Test
    void reassemblyStopsAtTheMemoryCapWithAnExpertItem() throws IOException {
        JDissect jd = JDissect.builder().classLoader(TcpMatchesTsharkTest.setupLoader("tcp-test-plugins-lp"))
                .preference(TcpPreferences.MAX_STREAM, "12").build();
        List<Long> limited = new ArrayList<>();
        try (PacketStream packets = jd.open(DNS.file())) {
            for (Packet p : packets) {
                if (p.has("tcp.jdissect.reassembly_limit")) {
                    limited.add(p.number());
                }
                for (TreeItem len : p.fields("tcp.reassembled.length")) {
                    assertTrue(len.longValue() <= 12, "frame " + p.number() + " reassembled " + len.longValue());
                }
            }
        }
        // Every split message is longer than 12 bytes: the segment that would pass the cap is
        // refused (7, 10, 14, 18, 22 complete messages begun earlier; 11 starts one with 32
        // bytes, read from the middle of the message frame 10 could not add to).
        assertEquals(List.of(7L, 10L, 11L, 14L, 18L, 22L), limited);
    }

    @Test
    void everyTcpFieldMatchesTsharkJson() throws IOException {
        TcpMatchesTsharkTest.compareJson(DNS, TcpMatchesTsharkTest.setup(DNS, "tcp-test-plugins-lp"));
    }
}
