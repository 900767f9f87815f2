package io.jdissect.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.filter.DisplayFilter;
import io.jdissect.filter.FilterException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Any text as a display filter: it compiles or is rejected with a FilterException, and what
 * compiles evaluates on real SMTP packets without throwing.
 */
class FilterFuzzTest {
    private static final DissectorRegistry REGISTRY = JDissect.create().registry();
    private static final List<Packet> PACKETS = packets();

    private static List<Packet> packets() {
        List<Packet> out = new ArrayList<>();
        try (PacketStream s = JDissect.create().open(Path.of("testdata/smtp/smtp_rec_pipelining.pcap"))) {
            for (Packet p : s) {
                out.add(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("seed capture testdata/smtp/smtp_rec_pipelining.pcap unreadable", e);
        }
        return out;
    }

    @FuzzTest(maxDuration = "60s")
    void filter(byte[] data) {
        String expression = new String(data, StandardCharsets.UTF_8);
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(expression, REGISTRY.fields());
        } catch (FilterException rejected) {
            return;
        }
        for (Packet p : PACKETS) {
            f.matches(p);
        }
    }
}
