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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cap on TCP connections with state ({@code tcp.jdissect.max_streams}) on
 * {@code testdata/tcp/interleaved_streams.pcap} (connections that come back after others, and a
 * port reuse): with room for one or two connections, connections are evicted and come back, yet
 * tcp.stream stays tshark's; each comeback is an expert item. Past the second cap
 * ({@code tcp.jdissect.max_evicted_stream_numbers}) a comeback gets a new number.
 */
class TcpStreamCapTest {
    private static final String EVICTED = "Connection state was evicted";
    private static final Path CAPTURE = Path.of("testdata/tcp/interleaved_streams.pcap");
    private static final Map<Integer, String> TSHARK = SharedTestdata.FieldsTable
            .read(Path.of(CAPTURE + ".fields.tsv")).columnByFrame("tcp.stream");

    @Test
    void streamNumbersStayTsharksWhenConnectionsAreEvicted() throws IOException {
        for (String maxStreams : List.of("1", "2")) {
            int comebacks = 0;
            for (Run r : run(maxStreams, "1000")) {
                assertEquals(TSHARK.get(r.frame), r.stream, "max_streams " + maxStreams + ", frame " + r.frame);
                comebacks += r.evictedNote ? 1 : 0;
            }
            assertTrue(comebacks > 0, "max_streams " + maxStreams + ": connections came back after eviction");
        }
        assertTrue(run("20000", "1000").stream().noneMatch(r -> r.evictedNote), "uncapped: nothing evicted");
    }

    @Test
    void aConnectionForgottenPastTheIndexCapGetsANewNumber() throws IOException {
        List<Run> forgetting = run("1", "0");
        assertTrue(forgetting.stream().anyMatch(r -> !r.stream.equals(TSHARK.get(r.frame))),
                "with no evicted numbers kept, a comeback is numbered anew");
        assertTrue(forgetting.stream().noneMatch(r -> r.evictedNote), "and it is not known to be a comeback");
        assertNotEquals(0, forgetting.size());
    }

    private record Run(int frame, String stream, boolean evictedNote) {
    }

    private static List<Run> run(String maxStreams, String maxIndexes) throws IOException {
        JDissect jd = JDissect.builder().preference(TcpPreferences.MAX_STREAMS, maxStreams)
                .preference(TcpPreferences.MAX_STREAM_INDEXES, maxIndexes).build();
        List<Run> out = new ArrayList<>();
        try (PacketStream packets = jd.open(CAPTURE)) {
            for (Packet p : packets) {
                TreeItem stream = p.first("tcp.stream");
                if (stream != null) {
                    boolean note = p.fields("_ws.expert.message").stream()
                            .anyMatch(m -> m.stringValue().startsWith(EVICTED));
                    out.add(new Run((int) p.number(), Long.toString(stream.longValue()), note));
                }
            }
        }
        return out;
    }
}
