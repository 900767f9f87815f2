package io.jdissect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./jdissect} launcher's choice of JVM options ({@code JDISSECT_PRINT_JAVA_OPTS=1} prints
 * them without building or running): C1 alone below 32 MiB of capture, C2 too from there on, judged
 * by the size of the file a capture path names, through a symbolic link too.
 */
class LauncherTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path dir;

    @Test
    void smallCaptureRunsC1Alone() throws Exception {
        Path small = sparseFile("small.pcap", 1 << 20);
        assertTrue(javaOptions("-r", small.toString()).contains(C1_ONLY));
    }

    @Test
    void bigCaptureRunsC2Too() throws Exception {
        Path big = sparseFile("big.pcap", 40L << 20);
        assertFalse(javaOptions("-r", big.toString()).contains(C1_ONLY));
        assertFalse(javaOptions("--read-file=" + big).contains(C1_ONLY));
    }

    @Test
    void linkToBigCaptureRunsC2Too() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.pcap"), sparseFile("big.pcap", 40L << 20));
        assertFalse(javaOptions("-r", link.toString()).contains(C1_ONLY));
        Path smallLink = Files.createSymbolicLink(dir.resolve("small-link.pcap"), sparseFile("small.pcap", 1 << 20));
        assertTrue(javaOptions("-r", smallLink.toString()).contains(C1_ONLY));
    }

    /** A file of that length that takes no disk space. */
    private Path sparseFile(String name, long length) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(length);
        }
        return file;
    }

    private static List<String> javaOptions(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of("jdissect").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JDISSECT_PRINT_JAVA_OPTS", "1");
        pb.environment().remove("JDISSECT_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }
}
