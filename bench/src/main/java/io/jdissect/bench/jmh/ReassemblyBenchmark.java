package io.jdissect.bench.jmh;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.bench.capture.Samples;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TCP reassembly: one SMTP session whose DATA carries one message of {@code messageSize} bytes,
 * segmented at the MSS, which TCP reassembles for SMTP before the message is dissected as IMF on
 * its last segment. Time per session.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ReassemblyBenchmark {
    @Param({"65536", "1048576"})
    public int messageSize;

    private final JDissect jdissect = JDissect.create();
    private byte[] capture;
    private PacketStream stream;

    @Setup(Level.Trial)
    public void setUp() {
        capture = Samples.smtpSession(1, 1, messageSize);
    }

    @Setup(Level.Invocation)
    public void open() throws IOException {
        stream = jdissect.open(capture);
    }

    @TearDown(Level.Invocation)
    public void close() throws IOException {
        stream.close();
    }

    @Benchmark
    public long session() throws IOException {
        long frames = 0;
        for (Packet p = stream.next(); p != null; p = stream.next()) {
            frames++;
        }
        return frames;
    }
}
