package io.jdissect.bench.jmh;

import io.jdissect.protocols.smtp.SmtpCommand;
import io.jdissect.protocols.smtp.SmtpReply;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** SMTP line parsing: the command and reply grammars on the lines the benchmark captures carry. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SmtpLineBenchmark {
    private final String mail = "MAIL FROM:<alice.smith@mail.example.com> SIZE=48213 BODY=8BITMIME\r\n";
    private final String rcpt = "RCPT TO:<bob.jones@example.net>\r\n";
    private final String ehloReply = "250-mx1.example.net\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-VRFY\r\n"
            + "250-ETRN\r\n250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250-DSN\r\n250 SMTPUTF8\r\n";
    private final String rejection = "550 5.1.1 <carol@example.net>: Recipient address rejected: User unknown in "
            + "virtual mailbox table\r\n";

    @Benchmark
    public SmtpCommand mailCommand() {
        return SmtpCommand.parse(mail);
    }

    @Benchmark
    public SmtpCommand rcptCommand() {
        return SmtpCommand.parse(rcpt);
    }

    @Benchmark
    public SmtpReply ehloReply() {
        return SmtpReply.parse(ehloReply);
    }

    @Benchmark
    public SmtpReply rejectionReply() {
        return SmtpReply.parse(rejection);
    }
}
