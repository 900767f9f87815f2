package io.jdissect.cli;

import io.jdissect.testing.OutputComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -z credentials} against tshark's output on shared captures with SMTP AUTH (stored in
 * src/test/resources/tshark-credentials, first line the tshark command).
 */
class CredentialsStatisticTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args.toArray(new String[0]));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "wireshark-wiki__smtp.pcap, wireshark-wiki__smtp.pcap.txt, ''",
        "suricata-verify__smtp-bug-5981.pcap, suricata-verify__smtp-bug-5981.pcap.decryption.txt, smtp.decryption:TRUE",
        "arkime__smtp-data-250.pcap, arkime__smtp-data-250.pcap.decryption.txt, smtp.decryption:TRUE",
    })
    void reportIsTsharks(String capture, String expected, String preference) throws IOException {
        List<String> args = new ArrayList<>(List.of("-r", SharedTestdata.capture(capture).file().toString(),
                "-q", "-z", "credentials"));
        if (!preference.isEmpty()) {
            args.addAll(List.of("-o", preference));
        }
        Result r = run(args);
        assertEquals(0, r.code, r.err);
        List<String> tshark = OutputComparison.resourceLines("/tshark-credentials/" + expected);
        assertEquals(tshark.subList(1, tshark.size()), List.of(r.out.split("\n")));
    }

    @Test
    void tapSeesPacketsTheDisplayFilterHides() {
        Result r = run(List.of("-r", SharedTestdata.capture("wireshark-wiki__smtp.pcap").file().toString(),
                "-Y", "frame.number == 1", "-z", "credentials"));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("\n14         SMTP             Z3VycGFydGFwQHBhdHJpb3RzLmlu Username in packet 12\n"),
                r.out);
    }

    @Test
    void unknownStatisticListsTheKnownOnes() {
        Result r = run(List.of("-r", SharedTestdata.capture("wireshark-wiki__smtp.pcap").file().toString(), "-z", "io,stat,1"));
        assertEquals(1, r.code);
        assertEquals("jdissect: Invalid -z argument \"io,stat,1\"; it must be one of:\n     conv,tcp\n     credentials\n"
                + "     endpoints,ip\n     expert\n     follow,tcp\n     io,phs\n     smtp,sessions\n     smtp,stat\n", r.err);
        assertEquals("", r.out);
    }
}
