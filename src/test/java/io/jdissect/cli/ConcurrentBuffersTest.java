package io.jdissect.cli;

import io.jdissect.testing.ConcurrentSmtpCapture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What jdissect buffers for many connections at once stays within its caps, measured where it
 * matters: in a JVM with a small heap, on 76 MB captures of twelve connections sending their big
 * part at the same time (made on the fly and piped in, see {@link ConcurrentSmtpCapture}). Before
 * the caps over all messages and the counting of TCP's assembled arrays, both runs here ran out of
 * memory: twelve messages in flight held their sum, and TCP's caps counted the fragments of a line
 * without its end but not the array they were assembled into.
 */
class ConcurrentBuffersTest {
    private static final String HEAP = "-Xmx80m";
    private static final int SESSIONS = 12;
    private static final long SIX_MIB = 6L << 20;

    @Test
    void messagesInFlightStayWithinTheirCapOverAll() throws Exception {
        Run r = run(new ConcurrentSmtpCapture(SESSIONS, SIX_MIB, ConcurrentSmtpCapture.Payload.MESSAGE),
                "-o", "smtp.jdissect.max_total_message_bytes:16777216", "-Y", "imf", "-T", "fields", "-e", "imf.subject");
        assertEquals(0, r.exit, r.stderr);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            expected.add("big " + (40000 + i));
        }
        // Each message's start (its header) was kept before the cap was reached.
        assertEquals(expected, r.lines());
    }

    @Test
    void theCutIsReportedWithTheCapsName() throws Exception {
        Run r = run(new ConcurrentSmtpCapture(SESSIONS, SIX_MIB, ConcurrentSmtpCapture.Payload.MESSAGE),
                "-o", "smtp.jdissect.max_total_message_bytes:16777216", "-Y", "smtp.x.limit_reached",
                "-T", "fields", "-e", "_ws.expert.message");
        assertEquals(0, r.exit, r.stderr);
        assertFalse(r.lines().isEmpty());
        assertTrue(r.lines().stream().allMatch(l -> l.contains("beyond smtp.jdissect.max_total_message_bytes")),
                r.lines().get(0));
    }

    @Test
    void linesWithoutTheirEndStayWithinTcpsCap() throws Exception {
        Run r = run(new ConcurrentSmtpCapture(SESSIONS, SIX_MIB, ConcurrentSmtpCapture.Payload.UNENDED_LINE),
                "-o", "tcp.jdissect.max_total_reassembly_bytes:33554432", "-Y", "tcp.jdissect.reassembly_limit",
                "-T", "fields", "-e", "frame.number");
        assertEquals(0, r.exit, r.stderr);
        assertFalse(r.lines().isEmpty(), "twelve lines of 6 MiB pass the 32 MiB cap");
    }

    private record Run(int exit, String stdout, String stderr) {
        List<String> lines() {
            return stdout.isEmpty() ? List.of() : Arrays.asList(stdout.split("\n"));
        }
    }

    /** jdissect in a JVM of its own with a small heap, the capture on its standard input. */
    private static Run run(InputStream capture, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-r", "-"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                capture.transferTo(in);
            } catch (IOException e) {
                // jdissect stopped reading: its exit status and messages tell why
            }
        });
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jdissect did not finish");
        feed.join();
        return new Run(p.exitValue(), out, err.join());
    }

    private static String read(InputStream s) {
        try {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
