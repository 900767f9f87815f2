package io.jdissect.bench.capture;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large, realistic SMTP capture for benchmarks: many interleaved connections from many
 * clients to a few MX hosts, about 30% of the bytes being other TCP traffic (HTTP). Everything is
 * drawn from one seeded generator, so a seed and a size always give the same file, byte for byte.
 *
 * <pre>java bench/src/main/java/.../GenerateCapture.java --seed 1 --size 100M --out smtp.pcap</pre>
 * (or through bench/generate.sh, which compiles it once).
 */
public final class GenerateCapture {
    /** 2023-11-14 22:13:20 UTC, the capture's first second. */
    private static final long START_MICROS = 1_700_000_000_000_000L;
    private static final double OTHER_SHARE = 0.30;
    private static final int CLIENTS = 800;
    private static final int MX_HOSTS = 6;
    private static final int WEB_HOSTS = 10;

    private record Flow(TcpFlow tcp, Dialogue dialogue) {
    }

    private final SplittableRandom random;
    final Corpus corpus;
    final List<Host> clients = new ArrayList<>();
    final List<Host> mxHosts = new ArrayList<>();
    private final List<Host> webHosts = new ArrayList<>();
    long micros = START_MICROS;
    /** Application payload queued by each kind of connection, for the 70/30 split. */
    private long smtpBytes;
    private long otherBytes;
    private long smtpSessions;
    private long otherSessions;

    GenerateCapture(long seed) {
        random = new SplittableRandom(seed);
        corpus = new Corpus(random);
        for (int i = 0; i < CLIENTS; i++) {
            int subnet = 1 + i / 200;
            int host = 10 + i % 200;
            clients.add(host(new byte[] {10, 20, (byte) subnet, (byte) host}, "client" + i + "." + corpus.domain(),
                    random.nextBoolean() ? 64 : 128));
        }
        for (int i = 0; i < MX_HOSTS; i++) {
            mxHosts.add(host(new byte[] {(byte) 192, 0, 2, (byte) (10 + i)}, "mx" + (i + 1) + ".example.net", 64));
        }
        for (int i = 0; i < WEB_HOSTS; i++) {
            webHosts.add(host(new byte[] {(byte) 198, 51, 100, (byte) (20 + i)}, "www" + (i + 1) + ".example.com", 64));
        }
    }

    public static void main(String[] args) throws IOException {
        long seed = 1;
        long size = 100_000_000L;
        Integer concurrency = null;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value);
                case "--size" -> size = parseSize(value);
                case "--concurrency" -> concurrency = Integer.parseInt(value);
                case "--out" -> out = value;
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (out == null) {
            usage("--out is required");
        }
        if (concurrency == null) {
            // Fewer open connections for small files, so that the tail (open connections run to their
            // end) does not overshoot the size by much.
            concurrency = (int) Math.max(4, Math.min(48, size / 2_000_000));
        }
        if (size <= 0 || concurrency <= 0) {
            usage("--size and --concurrency must be positive");
        }
        long started = System.nanoTime();
        try (OutputStream file = new BufferedOutputStream(new FileOutputStream(out), 1 << 20)) {
            String summary = write(file, seed, size, concurrency);
            System.err.printf(Locale.ROOT, "%s: %s, %.1f s%n", out, summary, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Writes the capture for {@code seed} and {@code size} to {@code out}; returns a one-line summary. */
    public static String write(OutputStream out, long seed, long size, int concurrency) throws IOException {
        GenerateCapture generator = new GenerateCapture(seed);
        PcapFile pcap = new PcapFile(out);
        generator.write(pcap, size, concurrency);
        pcap.flush();
        return String.format(Locale.ROOT, "%d bytes, %d packets, %d SMTP sessions, %d other connections, %.1f%% other payload",
                pcap.bytes(), pcap.packets(), generator.smtpSessions, generator.otherSessions,
                100.0 * generator.otherBytes / (generator.otherBytes + generator.smtpBytes));
    }


    /**
     * Keeps {@code concurrency} connections open and sends a packet of a random one at each step; once
     * {@code size} bytes are written no connection is started and the open ones run to their close.
     */
    void write(PcapFile pcap, long size, int concurrency) throws IOException {
        List<Flow> open = new ArrayList<>();
        while (true) {
            while (pcap.bytes() < size && open.size() < concurrency) {
                open.add(startFlow());
            }
            if (open.isEmpty()) {
                return;
            }
            int i = random.nextInt(open.size());
            Flow flow = open.get(i);
            micros += 1 + random.nextInt(120);
            if (!flow.tcp.hasPending()) {
                long before = flow.tcp.queuedPayload();
                if (!flow.dialogue.next(flow.tcp, micros / 1_000_000)) {
                    open.set(i, open.get(open.size() - 1));
                    open.remove(open.size() - 1);
                    continue;
                }
                long queued = flow.tcp.queuedPayload() - before;
                if (flow.dialogue.isSmtp()) {
                    smtpBytes += queued;
                } else {
                    otherBytes += queued;
                }
            }
            if (flow.tcp.hasPending()) {
                flow.tcp.emitNext(pcap, micros);
            }
        }
    }

    /**
     * A new connection: HTTP while the other traffic is below its share of the application bytes
     * queued so far, SMTP otherwise.
     */
    private Flow startFlow() {
        Host client = clients.get(random.nextInt(clients.size()));
        int clientPort = client.nextEphemeralPort(1 + random.nextInt(3));
        long clientIsn = random.nextLong() & 0xffffffffL;
        long serverIsn = random.nextLong() & 0xffffffffL;
        boolean other = otherBytes < OTHER_SHARE * (smtpBytes + otherBytes);
        if (other) {
            otherSessions++;
            Host server = webHosts.get(random.nextInt(webHosts.size()));
            return new Flow(new TcpFlow(client, clientPort, server, 80, clientIsn, serverIsn),
                    new HttpDialogue(corpus, server));
        }
        smtpSessions++;
        Host server = mxHosts.get(random.nextInt(mxHosts.size()));
        return new Flow(new TcpFlow(client, clientPort, server, 25, clientIsn, serverIsn),
                new SmtpDialogue(corpus, client, server));
    }

    private Host host(byte[] ip, String name, int ttl) {
        byte[] mac = {0x02, 0x00, ip[0], ip[1], ip[2], ip[3]};
        return new Host(mac, ip, name, ttl, random.nextLong(1L << 31), random.nextInt(65536),
                32768 + random.nextInt(20000));
    }

    /** "5M", "100M", "1G", "500K" (powers of ten, as MB/s are counted) or plain bytes. */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = t.endsWith("K") ? 1_000L : t.endsWith("M") ? 1_000_000L : t.endsWith("G") ? 1_000_000_000L : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.round(Double.parseDouble(digits) * unit);
        } catch (NumberFormatException e) {
            usage("bad size '" + text + "' (examples: 5M, 100M, 1G)");
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("GenerateCapture: " + problem);
        System.err.println("usage: GenerateCapture --out FILE [--seed N] [--size 100M|1G] [--concurrency N (default size/2MB, 4..48)]");
        System.exit(2);
    }
}
