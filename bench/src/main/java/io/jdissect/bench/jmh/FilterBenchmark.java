package io.jdissect.bench.jmh;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.filter.DisplayFilter;
import io.jdissect.filter.FilterException;

import java.io.IOException;
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

/** Filter evaluation: a compiled display filter on already dissected packets of the benchmark mix. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FilterBenchmark {
    @Param({"smtp.req.command == \"MAIL\"", "imf", "tcp.port == 25 && frame.len > 1000",
        "imf.subject contains \"report\""})
    public String filter;

    private List<Packet> packets;
    private DisplayFilter compiled;

    @Setup
    public void setUp() throws IOException, FilterException {
        JDissect jdissect = JDissect.create();
        packets = Fixtures.dissect(jdissect, Fixtures.traffic());
        compiled = DisplayFilter.compile(filter, jdissect.registry().fields());
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.PACKETS)
    public int matches() {
        int n = 0;
        for (Packet p : packets) {
            if (compiled.matches(p)) {
                n++;
            }
        }
        return n;
    }
}
