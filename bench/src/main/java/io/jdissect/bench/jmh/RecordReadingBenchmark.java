package io.jdissect.bench.jmh;

import io.jdissect.capture.CaptureFiles;
import io.jdissect.capture.CaptureReader;
import io.jdissect.capture.CaptureRecord;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Record reading: the pcap reader alone, per record (the floor of workload (e) in bench/run.sh),
 * each record in an array of its own or, as the command line reads when it prints each packet before
 * the next, all of them in one reused array ({@link CaptureReader#reuseRecordBytes()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RecordReadingBenchmark {
    private byte[] capture;

    @Setup
    public void setUp() {
        capture = Fixtures.traffic();
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.PACKETS)
    public long readRecords() throws IOException {
        return read(false);
    }

    @Benchmark
    @OperationsPerInvocation(Fixtures.PACKETS)
    public long readRecordsIntoOneArray() throws IOException {
        return read(true);
    }

    private long read(boolean reuse) throws IOException {
        long bytes = 0;
        try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(capture), "bench")) {
            if (reuse) {
                reader.reuseRecordBytes();
            }
            for (CaptureRecord r = reader.next(); r != null; r = reader.next()) {
                bytes += r.capturedLength();
            }
        }
        return bytes;
    }
}
