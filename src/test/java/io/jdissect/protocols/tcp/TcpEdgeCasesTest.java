package io.jdissect.protocols.tcp;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * TCP's sequence analysis and header checks against tshark on a capture made by
 * testdata/tcp/make_tcp_edge_cases.py: lost segment, duplicate ACKs with SACK, fast
 * retransmission, out-of-order, window update/full, zero window and probes, keep-alive, RST with
 * a stray ACK number, a stream joined midway, port reuse, bad header and option lengths, a window
 * scale above 14, urgent pointers and a header cut by the snapshot length.
 */
class TcpEdgeCasesTest {
    private static final SharedTestdata.Capture EDGES = new SharedTestdata.Capture(
            Path.of("testdata/tcp/tcp_edge_cases.pcap"), "", 58);

    @Test
    void fieldsAndInfoMatchTshark() throws IOException {
        TcpMatchesTsharkTest.compareFieldsTsv(EDGES, TcpMatchesTsharkTest.setup(EDGES, null));
    }

    @Test
    void everyTcpFieldMatchesTsharkJson() throws IOException {
        TcpMatchesTsharkTest.compareJson(EDGES, TcpMatchesTsharkTest.setup(EDGES, null));
    }
}
