package io.jdissect.bench.jmh;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dissection per packet, through the whole engine, on {@link Fixtures#PACKETS} records in capture
 * order (TCP analysis needs the order): {@code lower} is HTTP traffic, which jdissect dissects as
 * frame / eth / ip / tcp / data only; {@code mixed} is the benchmark mix, SMTP and IMF included.
 * Each invocation gets a fresh stream (fresh conversation state), built outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DissectionBenchmark {
    @Param({"lower", "mixed"})
    public String traffic;

    private final JDissect jdissect = JDissect.create();
    private byte[] capture;
    private PacketStream stream;

    @Setup(Level.Trial)
    public void setUp() {
        capture = traffic.equals("lower") ? Fixtures.port(80) : Fixtures.traffic();
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
    @OperationsPerInvocation(Fixtures.PACKETS)
    public long dissect() throws IOException {
        long frames = 0;
        for (Packet p = stream.next(); p != null; p = stream.next()) {
            frames += p.number();
        }
        return frames;
    }
}
