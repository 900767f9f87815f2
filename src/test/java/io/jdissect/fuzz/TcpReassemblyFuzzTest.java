package io.jdissect.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.TreeItem;

import java.util.Arrays;
import java.util.List;

/**
 * One TCP connection made of fuzzed segments ({@link TcpSegments}: any order, overlaps,
 * retransmissions, gaps, sequence numbers wrapping around 2^32) under small reassembly caps.
 * Invariants: no dissector bug; every reassembled PDU respects the per-stream cap, its segments
 * tile it from 0 to its length, its length field equals its data, and each segment's bytes are
 * bytes of the payload of the frame it names.
 */
class TcpReassemblyFuzzTest {
    private static final int MAX_STREAM = 4096;
    private static final JDissect JD = JDissect.builder()
            .preference("tcp.jdissect.max_reassembly_bytes", Integer.toString(MAX_STREAM))
            .preference("tcp.jdissect.max_total_reassembly_bytes", "6000")
            .build();

    @FuzzTest(maxDuration = "60s")
    void segments(byte[] data) {
        List<TcpSegments.Segment> segments = TcpSegments.build(data);
        List<Packet> packets = FuzzFrames.dissect(JD, FuzzFrames.pcap(1, segments.stream().map(TcpSegments.Segment::frame).toList()));
        for (Packet p : packets) {
            FuzzFrames.assertNoDissectorBug(p);
            for (TreeItem pdu : p.fields("tcp.segments")) {
                checkPdu(p, pdu, segments);
            }
        }
    }

    private static void checkPdu(Packet p, TreeItem pdu, List<TcpSegments.Segment> segments) {
        byte[] data = pdu.find("tcp.reassembled.data").get(0).bytesValue();
        long length = pdu.find("tcp.reassembled.length").get(0).longValue();
        check(p, data.length == length, "tcp.reassembled.length " + length + " but " + data.length + " bytes");
        check(p, length <= MAX_STREAM, "PDU of " + length + " bytes over the cap " + MAX_STREAM);
        int at = 0;
        for (TreeItem s : pdu.find("tcp.segment")) {
            check(p, s.offset() == at, "segment of frame " + s.longValue() + " at " + s.offset() + ", expected " + at);
            byte[] part = Arrays.copyOfRange(data, s.offset(), s.offset() + s.length());
            byte[] payload = segments.get((int) s.longValue() - 1).payload();
            check(p, contains(payload, part), "segment bytes not in the payload of frame " + s.longValue());
            at += s.length();
        }
        check(p, at == length, "segments cover " + at + " of " + length + " bytes");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void check(Packet p, boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("frame " + p.number() + ": " + what);
        }
    }
}
