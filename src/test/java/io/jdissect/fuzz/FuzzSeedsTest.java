package io.jdissect.fuzz;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed seeds reach what they are meant to cover: the link type selector that
 * {@code scripts/fuzz-seeds.py} writes means the same link type in {@link FuzzFrames}, so the FDDI,
 * UDP and 802.3/LLC seeds are dissected as FDDI, UDP and LLC, not as garbage of another link type.
 */
class FuzzSeedsTest {
    private static final JDissect JD = JDissect.create();

    private static byte[] seed(String path) throws IOException {
        try (InputStream in = FuzzSeedsTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path + " is committed (scripts/fuzz-seeds.py writes it)");
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @CsvSource({"fddi_llc.pcap, fddi, 10", "fddi_llc.pcap, llc, 10", "udp.pcap, udp, 1", "ieee8023_llc.pcap, llc, 1"})
    void frameSeedsReachTheirDissectors(String capture, String protocol, int linkType) throws IOException {
        for (String target : List.of("LowerLayerFuzzTestInputs/frames/", "WriterFuzzTestInputs/frames/",
                "FilterFuzzTestInputs/fuzzedFrames/")) {
            byte[] data = seed(target + capture);
            assertEquals(linkType, FuzzFrames.LINK_TYPES[data[0]], target + capture);
            List<Packet> packets = FuzzFrames.dissect(JD, FuzzFrames.pcap(data));
            assertTrue(packets.size() >= 2, target + capture);
            assertTrue(packets.stream().anyMatch(p -> p.first(protocol) != null), target + capture + " carries " + protocol);
            packets.forEach(FuzzFrames::assertNoDissectorBug);
        }
    }

    @Test
    void smtpSeedsAreLinesOfRealSessions() throws IOException {
        String commands = new String(seed("SmtpFuzzTestInputs/lines/smtp_syn_verbs.pcap.commands"), "US-ASCII");
        assertTrue(commands.startsWith("EHLO x\r\n"), commands);
        assertTrue(commands.contains("\nRCPT TO:<b@example.test>\r\n"), commands);
        String replies = new String(seed("SmtpFuzzTestInputs/lines/smtp_rec_multi.pcap.replies"), "US-ASCII");
        assertTrue(replies.startsWith("220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n250-mail.example.test\r\n"), replies);
    }
}
