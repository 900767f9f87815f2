package io.jdissect.bench.jmh;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.output.EkWriter;
import io.jdissect.output.JsonWriter;
import io.jdissect.output.OutputOptions;
import io.jdissect.output.PacketWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JSON writing: -T json and -T ek of already dissected packets of the benchmark mix, to nowhere. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JsonWritingBenchmark {
    @Param({"json", "ek"})
    public String format;

    private List<Packet> packets;

    @Setup
    public void setUp() throws IOException {
        packets = Fixtures.dissect(JDissect.create(), Fixtures.traffic());
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.PACKETS)
    public void write() throws IOException {
        OutputStream nowhere = OutputStream.nullOutputStream();
        PacketWriter writer = format.equals("json")
                ? new JsonWriter(nowhere, new OutputOptions()) : new EkWriter(nowhere, new OutputOptions());
        writer.begin();
        for (Packet p : packets) {
            writer.write(p);
        }
        writer.finish();
    }
}
