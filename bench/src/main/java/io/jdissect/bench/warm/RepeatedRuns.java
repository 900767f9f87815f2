package io.jdissect.bench.warm;

import io.jdissect.cli.Main;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Runs one jdissect command line several times in one JVM, output thrown away, and prints each
 * run's wall time: the first run is what the command line costs, the later ones what it costs once
 * the JIT has compiled the hot paths. The difference is the share of start-up and warm-up, which
 * no change to the dissectors' steady-state speed can remove.
 */
public final class RepeatedRuns {
    private RepeatedRuns() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RepeatedRuns RUNS JDISSECT-ARGS...");
            System.exit(2);
        }
        int runs = Integer.parseInt(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        PrintStream err = new PrintStream(new FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            int code;
            try (OutputStream out = new FileOutputStream("/dev/null")) {
                code = new Main(System.in, out, err).run(command);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: %.3f s%s%n", i, ms / 1000.0, code == 0 ? "" : " (exit " + code + ")");
        }
    }
}
