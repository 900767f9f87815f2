package io.jdissect.protocols.tcp;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

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
    void everyTcpFieldMatchesTsharkJson() throws IOException {
        TcpMatchesTsharkTest.compareJson(DNS, TcpMatchesTsharkTest.setup(DNS, "tcp-test-plugins-lp"));
    }
}
