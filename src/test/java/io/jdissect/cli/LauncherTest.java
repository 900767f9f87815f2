package io.jdissect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./jdissect} launcher's choice of JVM options ({@code JDISSECT_PRINT_JAVA_OPTS=1} prints
 * them without building or running): C1 alone below 32 MiB of capture for a text tree or two
 * passes, below 96 MiB for JSON and EK, below 256 MiB for the rest; C2 too from there on, judged by
 * the size of the file a capture path names, through a symbolic link too; transparent huge pages
 * where a page fault is dear (measured once per boot, or given by {@code JDISSECT_PAGE_FAULT_NS}) and
 * the kernel gives them on request and has enough free 2 MiB blocks (a fake kernel root stands for
 * {@code /sys} and {@code /proc}).
 */
class LauncherTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    /** A 4 KiB page fault of 11 us, as on the machine where huge pages paid. */
    private static final String DEAR = "11000";
    /** 301 free blocks of 2 MiB and 1,003 of 4 MiB: 2,307 huge pages. */
    private static final String UNFRAGMENTED = "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3\n"
            + "Node 0, zone   Normal   6247   4097   3072    608    405    263    416    701    600    301   1000\n";
    /** 6 free blocks of 2 MiB and 4 of 4 MiB: 14 huge pages, the rest in small pieces. */
    private static final String FRAGMENTED = "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3\n"
            + "Node 0, zone   Normal 900000 400000 100000   8000   4000   2000    900    300    100      5      1\n";

    @TempDir
    Path dir;

    @Test
    void smallCaptureRunsC1Alone() throws Exception {
        Path small = sparseFile("small.pcap", 1 << 20);
        assertTrue(javaOptions("-r", small.toString()).contains(C1_ONLY));
        assertTrue(javaOptions("-r=" + small).contains(C1_ONLY), "picocli's -r=FILE");
    }

    @Test
    void bigCaptureRunsC2Too() throws Exception {
        Path big = sparseFile("big.pcap", 300L << 20);
        assertFalse(javaOptions("-r", big.toString()).contains(C1_ONLY));
        assertFalse(javaOptions("--read-file=" + big).contains(C1_ONLY));
        assertFalse(javaOptions("-r" + big, "-T", "fields", "-e", "frame.number").contains(C1_ONLY));
    }

    /** Between 96 and 256 MiB: C1 alone for fields, filters, taps and the summary; C2 too for whole trees and two passes. */
    @Test
    void midSizeCaptureRunsC2TooOnlyForWholeTrees() throws Exception {
        String mid = sparseFile("mid.pcap", 120L << 20).toString();
        assertTrue(javaOptions("-r", mid).contains(C1_ONLY));
        assertTrue(javaOptions("-r", mid, "-Y", "imf", "-T", "fields", "-e", "imf.subject").contains(C1_ONLY));
        assertTrue(javaOptions("-r", mid, "-q", "-z", "conv,tcp").contains(C1_ONLY));
        assertTrue(javaOptions("-r", mid, "-T", "text").contains(C1_ONLY));
        for (List<String> wholeTrees : List.of(List.of("-T", "json"), List.of("-T", "ek"), List.of("-Tjson"),
                List.of("-Tek"), List.of("-T=json"), List.of("-T=ek"), List.of("-V"), List.of("-x"), List.of("-2", "-q"))) {
            assertFalse(javaOptions(with(mid, wholeTrees)).contains(C1_ONLY), String.join(" ", wholeTrees));
        }
        String small = sparseFile("small.pcap", 1 << 20).toString();
        assertTrue(javaOptions("-r", small, "-T", "json").contains(C1_ONLY), "whole trees of a small capture");
    }

    /** Between 32 and 96 MiB: C1 alone for JSON and EK too, C2 too for a text tree and two passes, whatever the order. */
    @Test
    void jsonOfASmallerCaptureRunsC1Alone() throws Exception {
        String capture = sparseFile("75.pcap", 75L << 20).toString();
        for (List<String> json : List.of(List.of("-T", "json"), List.of("-Tek"), List.of("-T", "fields"))) {
            assertTrue(javaOptions(with(capture, json)).contains(C1_ONLY), String.join(" ", json));
        }
        for (List<String> tree : List.of(List.of("-V"), List.of("-x"), List.of("-2"), List.of("-V", "-T", "json"),
                List.of("-T", "json", "-V"), List.of("-Tek", "-x"))) {
            assertFalse(javaOptions(with(capture, tree)).contains(C1_ONLY), String.join(" ", tree));
        }
    }

    private static String[] with(String capture, List<String> more) {
        List<String> args = new ArrayList<>(List.of("-r", capture));
        args.addAll(more);
        return args.toArray(String[]::new);
    }

    @Test
    void linkToBigCaptureRunsC2Too() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.pcap"), sparseFile("big.pcap", 300L << 20));
        assertFalse(javaOptions("-r", link.toString()).contains(C1_ONLY));
        Path smallLink = Files.createSymbolicLink(dir.resolve("small-link.pcap"), sparseFile("small.pcap", 1 << 20));
        assertTrue(javaOptions("-r", smallLink.toString()).contains(C1_ONLY));
    }

    @Test
    void hugePagesWhereFaultsAreDearAndTheKernelHasThemFree() throws Exception {
        assertTrue(javaOptions(kernel("always [madvise] never", UNFRAGMENTED), DEAR, "-r", "x.pcap").contains(HUGE_PAGES));
        assertTrue(javaOptions(kernel("[always] madvise never", UNFRAGMENTED), DEAR, "-r", "x.pcap").contains(HUGE_PAGES));
    }

    @Test
    void noHugePagesWhenTheyWouldBeMadeByCompactionOrAreOff() throws Exception {
        assertFalse(javaOptions(kernel("always [madvise] never", FRAGMENTED), DEAR, "-r", "x.pcap").contains(HUGE_PAGES));
        assertFalse(javaOptions(kernel("always madvise [never]", UNFRAGMENTED), DEAR, "-r", "x.pcap").contains(HUGE_PAGES));
        assertFalse(javaOptions(dir.resolve("no-such-root"), DEAR, "-r", "x.pcap").contains(HUGE_PAGES));
    }

    @Test
    void noHugePagesWhereFaultsAreCheap() throws Exception {
        assertFalse(javaOptions(kernel("always [madvise] never", UNFRAGMENTED), "1300", "-r", "x.pcap").contains(HUGE_PAGES));
        assertFalse(javaOptions(kernel("always [madvise] never", UNFRAGMENTED), "4999", "-r", "x.pcap").contains(HUGE_PAGES));
        assertTrue(javaOptions(kernel("always [madvise] never", UNFRAGMENTED), "5000", "-r", "x.pcap").contains(HUGE_PAGES));
    }

    /**
     * Without a given cost the launcher measures one and keeps it for the boot: a kept answer is
     * used as it is (here one it could not have measured), another boot's is measured again.
     */
    @Test
    void faultCostMeasuredOncePerBoot() throws Exception {
        Path cache = Path.of("target", "page-fault-ns");
        byte[] before = Files.exists(cache) ? Files.readAllBytes(cache) : null;
        try {
            Path kernel = kernel("always [madvise] never", UNFRAGMENTED);
            Files.createDirectories(kernel.resolve("proc/sys/kernel/random"));
            Files.writeString(kernel.resolve("proc/sys/kernel/random/boot_id"), "boot-a\n");
            Files.deleteIfExists(cache);
            javaOptions(kernel, null, "-r", "x.pcap");
            String measured = Files.readString(cache);
            assertTrue(measured.matches("boot-a [0-9]+\n"), measured);

            Files.writeString(cache, "boot-a 123456\n");
            assertTrue(javaOptions(kernel, null, "-r", "x.pcap").contains(HUGE_PAGES), "the kept cost");
            Files.writeString(cache, "boot-a 10\n");
            assertFalse(javaOptions(kernel, null, "-r", "x.pcap").contains(HUGE_PAGES), "the kept cost");

            Files.writeString(cache, "boot-b 123456\n");
            javaOptions(kernel, null, "-r", "x.pcap");
            assertTrue(Files.readString(cache).startsWith("boot-a "), "measured again for this boot");
        } finally {
            if (before != null) {
                Files.write(cache, before);
            } else {
                Files.deleteIfExists(cache);
            }
        }
    }

    private Path kernel(String enabled, String buddyinfo) throws IOException {
        Path root = Files.createTempDirectory(dir, "kernel");
        Path thp = Files.createDirectories(root.resolve("sys/kernel/mm/transparent_hugepage"));
        Files.writeString(thp.resolve("enabled"), enabled + "\n");
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/buddyinfo"), buddyinfo);
        return root;
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
        return javaOptions(null, null, args);
    }

    /**
     * The options the launcher prints, with {@code kernelRoot} for / in its kernel paths (null: the
     * real ones) and {@code faultNs} as the cost of a page fault (null: measured or kept); it must
     * say nothing on stderr (a shell error in its checks would).
     */
    private static List<String> javaOptions(Path kernelRoot, String faultNs, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("jdissect").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("JDISSECT_PRINT_JAVA_OPTS", "1");
        pb.environment().remove("JDISSECT_JAVA_OPTS");
        pb.environment().remove("JDISSECT_PAGE_FAULT_NS");
        if (faultNs != null) {
            pb.environment().put("JDISSECT_PAGE_FAULT_NS", faultNs);
        }
        if (kernelRoot != null) {
            pb.environment().put("JDISSECT_KERNEL_ROOT", kernelRoot.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("", err);
        return out.lines().toList();
    }
}
