package io.jdissect.bench.jmh;

import io.jdissect.bench.capture.Samples;
import io.jdissect.protocols.imf.HeaderSection;
import io.jdissect.protocols.imf.ImfMessage;
import io.jdissect.protocols.imf.MimeLimits;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * IMF parsing of a generated message (folded Received and DKIM-Signature headers, display names,
 * MIME headers): the header section alone, and the whole message with its MIME structure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ImfHeaderBenchmark {
    private byte[] message;

    @Setup
    public void setUp() {
        message = Samples.message(1, 4096);
    }

    @Benchmark
    public HeaderSection headerSection() {
        return HeaderSection.parse(message, 0, message.length, MimeLimits.DEFAULT);
    }

    @Benchmark
    public ImfMessage wholeMessage() {
        return ImfMessage.parse(message);
    }
}
