package io.jdissect.filter;

import io.jdissect.api.FieldRegistry;
import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random token soup: compiling any text either succeeds or fails with a FilterException (never
 * another exception), and a compiled filter evaluates every packet of a shared capture without
 * throwing.
 */
class FilterRobustnessTest {
    private static final String[] TOKENS = {
        "frame", "frame.number", "frame.len", "frame.time", "frame.time_relative", "frame.protocols", "eth.src",
        "eth.addr", "ip.src", "ip.addr", "ip.flags.df", "tcp.port", "tcp.flags", "tcp.flags.syn", "tcp.payload",
        "tcp.analysis.flags", "smtp.req.command", "smtp.response.code", "imf.subject", "ip", "tcp", "smtp", "fc",
        "==", "!=", "===", "!==", "~=", "<", ">=", "contains", "matches", "~", "in", "not", "!", "and", "or", "&&", "||",
        "any", "all", "&", "+", "-", "*", "/", "%", "(", ")", "{", "}", "[", "]", ",", "..", "#", "$", "${",
        "0", "1", "25", "-1", "0x10", "1.5", "10.0.0.0/8", "::1", "00:11:22:33:44:55", "aa.bb", ":ff", ".tcp.port",
        "\"MAIL\"", "\"(a+)+$\"", "r\"\\d\"", "'a'", "'\\x41'", "\"\\x41\"", "True", "len(", "count(", "upper(",
        "string(", "max(", "abs(", "0:2", "-4:", "1-3", "\"", "'", "@", "\\", "\t",
    };

    @Test
    void anyTextCompilesOrFailsCleanlyAndEvaluatesWithoutExceptions() throws Exception {
        FieldRegistry registry = JDissect.create().registry().fields();
        List<Packet> packets = packets();
        Random random = new Random(20261122);
        int compiled = 0;
        for (int i = 0; i < 8_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(8);
            for (int t = 0; t < n; t++) {
                sb.append(TOKENS[random.nextInt(TOKENS.length)]);
                if (random.nextInt(4) != 0) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            DisplayFilter f;
            try {
                f = DisplayFilter.compile(text, registry);
            } catch (FilterException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), text);
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("compiling [" + text + "] threw " + e, e);
            }
            compiled++;
            for (Packet p : packets) {
                try {
                    f.matches(p);
                } catch (RuntimeException e) {
                    fail("evaluating [" + text + "] on frame " + p.number() + " threw " + e);
                }
            }
        }
        assertTrue(compiled > 40, "only " + compiled + " random filters compiled");
    }

    private static List<Packet> packets() throws Exception {
        List<Packet> out = new ArrayList<>();
        Path file = SharedTestdata.root().resolve("generated/smtp_multi_rcpt.pcap");
        if (Files.exists(file)) {
            try (PacketStream s = JDissect.create().open(file)) {
                for (Packet p : s) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
