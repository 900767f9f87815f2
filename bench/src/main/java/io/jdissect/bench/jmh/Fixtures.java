package io.jdissect.bench.jmh;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.bench.capture.Samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The inputs of the benchmarks, cut from the synthetic traffic of bench/generate.sh (seed 1) so
 * that every benchmark sees the same realistic mix: a fixed number of records, so that JMH's
 * operations-per-invocation gives a time per packet.
 */
final class Fixtures {
    /** Records per invocation of the per-packet benchmarks. */
    static final int PACKETS = 5000;
    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    /** Where the TCP ports are in the generator's frames: pcap record, Ethernet and a 20-byte IPv4 header. */
    private static final int TCP_PORTS = RECORD_HEADER + 14 + 20;

    private Fixtures() {
    }

    /** The first {@link #PACKETS} records of the mixed traffic (SMTP and HTTP, interleaved). */
    static byte[] traffic() {
        return select(Samples.traffic(1, 12_000_000), port -> true);
    }

    /** The first {@link #PACKETS} records of one TCP port: 80 for the lower layers alone (jdissect has no HTTP). */
    static byte[] port(int wanted) {
        return select(Samples.traffic(1, 30_000_000), port -> port == wanted);
    }

    /** Every packet of {@code capture}, dissected in order by one stream. */
    static List<Packet> dissect(JDissect jdissect, byte[] capture) throws IOException {
        List<Packet> packets = new ArrayList<>();
        try (PacketStream stream = jdissect.open(capture)) {
            for (Packet p = stream.next(); p != null; p = stream.next()) {
                packets.add(p);
            }
        }
        return packets;
    }

    private static byte[] select(byte[] pcap, IntPredicate port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pcap, 0, PCAP_HEADER);
        int count = 0;
        for (int at = PCAP_HEADER; at < pcap.length && count < PACKETS; ) {
            int length = RECORD_HEADER + le32(pcap, at + 8);
            int source = be16(pcap, at + TCP_PORTS);
            int destination = be16(pcap, at + TCP_PORTS + 2);
            if (port.test(source) || port.test(destination)) {
                out.write(pcap, at, length);
                count++;
            }
            at += length;
        }
        if (count < PACKETS) {
            throw new IllegalStateException("the sample traffic has only " + count + " such records");
        }
        return out.toByteArray();
    }

    private static int le32(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }

    private static int be16(byte[] b, int o) {
        return (b[o] & 0xff) << 8 | (b[o + 1] & 0xff);
    }
}
