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
import java.util.stream.Stream;

/**
 * Any text as a display filter: it compiles or is rejected with a FilterException, and what
 * compiles evaluates on real SMTP packets without throwing. And the other way round: a fixed set
 * of filters (every kind of test, slice, function and field type) evaluated on fuzzed packets
 * ({@link FuzzFrames}), where fields are missing, repeated, truncated or hold odd values.
 */
class FilterFuzzTest {
    private static final DissectorRegistry REGISTRY = JDissect.create().registry();
    private static final List<Packet> PACKETS = packets();
    private static final JDissect JD = JDissect.create();
    private static final List<DisplayFilter> FIXED = Stream.of(
            "tcp.port == 25 && tcp.len > 0", "ip.src == 10.0.0.0/8 || ipv6.addr == ::1", "eth.addr[0:3] == 00:00:00",
            "tcp.payload contains \"MAIL\" || frame[-4:] == ff:ff:ff:ff", "smtp.req.command matches \"^(a|aa)+$\"",
            "len(tcp.payload) > 3 && upper(smtp.req.parameter) contains \"FROM\"", "ip.flags.mf == 1 || ip.frag_offset > 0",
            "tcp.flags & 0x12 == 0x12", "vlan.id in {1, 10..100}", "ip.len != ip.len || tcp.seq_raw >= 4294967295",
            "icmp.type == 3 && ip.src#2 == 10.0.0.1", "sll.pkttype == 4 || null.family == 2", "imf.subject ~ \"(?i)^re:\"",
            "tcp.options.mss_val < 536 || tcp.window_size_scalefactor == -1", "frame.len - frame.cap_len > 0",
            "ipv6.nxt == 44 && ipv6.fraghdr.offset != 0", "_ws.malformed || _ws.expert.severity >= 4",
            "tcp.analysis.flags && !tcp.analysis.window_update", "any tcp.srcport > 1024 and all ip.ttl != 0")
            .map(FilterFuzzTest::compile).toList();

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

    private static DisplayFilter compile(String expression) {
        try {
            return DisplayFilter.compile(expression, REGISTRY.fields());
        } catch (FilterException e) {
            throw new IllegalStateException(expression, e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzedFrames(byte[] data) {
        for (Packet p : FuzzFrames.dissect(JD, FuzzFrames.pcap(data))) {
            for (DisplayFilter f : FIXED) {
                f.matches(p);
            }
        }
    }
}
