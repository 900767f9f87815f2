package io.jdissect.bench.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Small pieces of the synthetic traffic for the JMH benchmarks, built in memory from a seed. */
public final class Samples {
    private Samples() {
    }

    /** The capture {@code bench/generate.sh --seed seed --size size} writes, as bytes. */
    public static byte[] traffic(long seed, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size + size / 4));
        try {
            GenerateCapture.write(out, seed, size, (int) Math.max(4, Math.min(48, size / 2_000_000)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A capture of one SMTP session alone: {@code messages} transactions with messages of
     * {@code messageSize} bytes each, from handshake to close.
     */
    public static byte[] smtpSession(long seed, int messages, int messageSize) {
        GenerateCapture generator = new GenerateCapture(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PcapFile pcap = new PcapFile(out);
            Host client = generator.clients.get(0);
            Host server = generator.mxHosts.get(0);
            TcpFlow tcp = new TcpFlow(client, client.nextEphemeralPort(1), server, 25, 1000, 5000);
            SmtpDialogue smtp = new SmtpDialogue(generator.corpus, client, server).fixed(messages, messageSize);
            long micros = generator.micros;
            while (tcp.hasPending() || smtp.next(tcp, micros / 1_000_000)) {
                if (tcp.hasPending()) {
                    micros += 50;
                    tcp.emitNext(pcap, micros);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An Internet message of about {@code size} bytes as the SMTP sessions carry them. */
    public static byte[] message(long seed, int size) {
        GenerateCapture generator = new GenerateCapture(seed);
        return MailMessage.compose(generator.corpus, "alice.smith@example.org", List.of("bob@example.net"),
                generator.micros / 1_000_000, generator.clients.get(0), size);
    }
}
