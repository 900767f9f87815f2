package io.jdissect.protocols.tcp;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corrupted TCP never stops the capture: random bytes of the test captures' TCP headers and
 * payloads are changed (fixed seeds), with the length-prefixed test protocol asking for odd
 * amounts of data, and every packet must still come out, promptly, with its frame and TCP layers.
 */
class TcpRobustnessTest {
    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    /** Ethernet + IPv4 without options: TCP starts here in the test captures. */
    private static final int TCP_OFFSET = 14 + 20;

    @Test
    void corruptedSegmentsAreDissectedToTheEnd() throws IOException {
        for (String name : new String[] {"dns_tcp_segments.pcap", "tcp_edge_cases.pcap"}) {
            byte[] original = Files.readAllBytes(Path.of("testdata/tcp", name));
            for (int seed = 1; seed <= 20; seed++) {
                byte[] corrupted = corrupt(original, new Random(seed));
                int frames = countRecords(original);
                assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
                    JDissect jd = TcpMatchesTsharkTest.setup(
                            new SharedTestdata.Capture(Path.of(name), "", frames), "tcp-test-plugins-lp");
                    int n = 0;
                    try (PacketStream packets = jd.open(corrupted)) {
                        for (Packet p : packets) {
                            n++;
                            assertTrue(p.has("tcp"), "frame " + n);
                        }
                    }
                    assertEquals(frames, n, name);
                });
            }
        }
    }

    /** Changes a few random bytes in the TCP part of each record. */
    private static byte[] corrupt(byte[] pcap, Random random) {
        byte[] out = pcap.clone();
        int p = PCAP_HEADER;
        while (p + RECORD_HEADER <= out.length) {
            int caplen = (out[p + 8] & 0xff) | (out[p + 9] & 0xff) << 8 | (out[p + 10] & 0xff) << 16;
            int data = p + RECORD_HEADER;
            int tcpBytes = caplen - TCP_OFFSET;
            for (int i = 0; tcpBytes > 0 && i < 3; i++) {
                out[data + TCP_OFFSET + random.nextInt(tcpBytes)] = (byte) random.nextInt(256);
            }
            p = data + caplen;
        }
        return out;
    }

    private static int countRecords(byte[] pcap) {
        int n = 0;
        int p = PCAP_HEADER;
        while (p + RECORD_HEADER <= pcap.length) {
            int caplen = (pcap[p + 8] & 0xff) | (pcap[p + 9] & 0xff) << 8 | (pcap[p + 10] & 0xff) << 16;
            p += RECORD_HEADER + caplen;
            n++;
        }
        return n;
    }
}
