package io.jdissect.protocols.tcp;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * TCP's streams, sequence analysis and header checks against tshark on the captures of testdata/tcp:
 * <ul>
 * <li>make_tcp_edge_cases.py: lost segment, duplicate ACKs with SACK, fast retransmission,
 * out-of-order, window update/full, zero window and probes, keep-alive, RST with a stray ACK number,
 * a stream joined midway, port reuse, bad header and option lengths, a window scale above 14, urgent
 * pointers and a header cut by the snapshot length;</li>
 * <li>make_tcp_reordered.py: segments seen out of order or twice. A SYN/ACK before its SYN, a SYN
 * sent again with the same ISN after the SYN/ACK, data, FIN or RST (the same connection in tshark
 * 4.0, not a new one), a SYN with another ISN after a SYN/ACK seen first, ACKs of data not yet or
 * never seen (tshark 4.0.17's "ACKed unseen segment" once, then duplicate ACKs counted from 1), and a
 * FIN sent again after the other side's answered it (it starts the close again).</li>
 * </ul>
 */
class TcpEdgeCasesTest {
    static Stream<SharedTestdata.Capture> captures() {
        return Stream.of(
                new SharedTestdata.Capture(Path.of("testdata/tcp/tcp_edge_cases.pcap"), "", 58),
                new SharedTestdata.Capture(Path.of("testdata/tcp/tcp_reordered.pcap"), "", 62));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void fieldsAndInfoMatchTshark(SharedTestdata.Capture capture) throws IOException {
        TcpMatchesTsharkTest.compareFieldsTsv(capture, TcpMatchesTsharkTest.setup(capture, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyTcpFieldMatchesTsharkJson(SharedTestdata.Capture capture) throws IOException {
        TcpMatchesTsharkTest.compareJson(capture, TcpMatchesTsharkTest.setup(capture, null));
    }
}
