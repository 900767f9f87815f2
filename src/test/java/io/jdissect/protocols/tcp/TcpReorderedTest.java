package io.jdissect.protocols.tcp;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * TCP's streams, completeness and sequence analysis against tshark on segments seen out of order or
 * twice (testdata/tcp/make_tcp_reordered.py): a SYN/ACK before its SYN, a SYN sent again with the
 * same ISN after the SYN/ACK, data, FIN or RST (the same connection in tshark 4.0, not a new one), a
 * SYN with another ISN after a SYN/ACK seen first, and ACKs of data not yet or never seen (tshark
 * 4.0.17's "ACKed unseen segment" once, then duplicate ACKs counted from 1), and a FIN sent again after
 * the other side's answered it (it starts the close again).
 */
class TcpReorderedTest {
    private static final SharedTestdata.Capture REORDERED = new SharedTestdata.Capture(
            Path.of("testdata/tcp/tcp_reordered.pcap"), "", 62);

    @Test
    void fieldsAndInfoMatchTshark() throws IOException {
        TcpMatchesTsharkTest.compareFieldsTsv(REORDERED, TcpMatchesTsharkTest.setup(REORDERED, null));
    }

    @Test
    void everyTcpFieldMatchesTsharkJson() throws IOException {
        TcpMatchesTsharkTest.compareJson(REORDERED, TcpMatchesTsharkTest.setup(REORDERED, null));
    }
}
