package io.jdissect.filter;

import io.jdissect.api.JDissect;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Java API as a user writes it: compile once against the built-in fields, then test packets. */
class DisplayFilterApiTest {
    private static final Path CAPTURE = Path.of("testdata/output/smtp_session.pcap");

    /**
     * The frames whose smtp.req.command is "mail" (this client writes its verbs in lower case) from
     * 127/8, from tshark's -T fields output stored beside the capture.
     */
    private static List<Long> mailFramesPerTshark() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(CAPTURE + ".fields.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int number = header.indexOf("frame.number");
        int command = header.indexOf("smtp.req.command");
        int src = header.indexOf("ip.src");
        List<Long> frames = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f[command].equals("mail") && f[src].startsWith("127.")) {
                frames.add(Long.parseLong(f[number]));
            }
        }
        return frames;
    }

    @Test
    void compiledWithoutARegistrySelectsTsharksFrames() throws IOException, FilterException {
        DisplayFilter f = DisplayFilter.compile("smtp.req.command == \"mail\" && ip.src == 127.0.0.0/8");
        List<Long> selected = new ArrayList<>();
        try (PacketStream packets = JDissect.create().open(CAPTURE)) {
            for (Packet p : packets) {
                if (f.matches(p)) {
                    selected.add(p.number());
                }
            }
        }
        List<Long> expected = mailFramesPerTshark();
        assertFalse(expected.isEmpty());
        assertEquals(expected, selected);
    }

    @Test
    void anInvalidFilterFailsWithTsharksMessage() {
        FilterException e = assertThrows(FilterException.class, () -> DisplayFilter.compile("smtp.req.commnd == 1"));
        // tshark 4.0: an unknown name on the left of a comparison (../shared/reference/dfilter.md)
        assertEquals("Left side of \"==\" expression must be a field or function, not smtp.req.commnd.", e.getMessage());
    }
}
