package io.jdissect.analysis;

import io.jdissect.api.Analysis;
import io.jdissect.api.JDissect;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code -z smtp,stat} against tshark's fields of the shared captures (X.fields.tsv): commands as
 * tshark's {@code smtp.req.command} (upper case), replies as {@code smtp.response.code} (one per
 * reply), enhanced status codes as the RFC 3463 code at the start of each reply's first line
 * ({@code smtp.response}).
 */
class SmtpStatisticsTest {
    private static final Pattern STATUS = Pattern.compile("(?:^|,)\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})(?= |\\\\r|$)");

    static SmtpStatistics run(SharedTestdata.Capture c) throws IOException {
        return run(c, "");
    }

    /** smtp,stat with {@code args} (a tap filter, or "" for none) over the capture. */
    static SmtpStatistics run(SharedTestdata.Capture c, String args) throws IOException {
        JDissect.Builder b = JDissect.builder();
        List<String> opts = c.options();
        for (int i = 0; i + 1 < opts.size(); i += 2) {
            if (opts.get(i).equals("-d")) {
                b.decodeAs(opts.get(i + 1));
            }
        }
        JDissect jd = b.build();
        SmtpStatistics stat = (SmtpStatistics) new SmtpStatistics.Factory().create(args, jd.registry().fields());
        Analysis analysis = new Analysis(m -> {
            throw new AssertionError(m);
        }).add("smtp,stat", stat);
        try (PacketStream packets = jd.open(c.file())) {
            analysis.run(packets);
        }
        return stat;
    }

    /**
     * A tap filter: zeek__smtp.pcap has two SMTP sessions (TCP streams 0 and 2); with
     * {@code tcp.stream == 2} only the second is counted, as tshark's fields of that stream's frames.
     */
    @Test
    void tapFilterCountsOnlyThePacketsThatPass() throws IOException {
        SharedTestdata.Capture c = SharedTestdata.capture("zeek__smtp.pcap");
        SharedTestdata.FieldsTable t = SharedTestdata.FieldsTable.read(c.fieldsTsv());
        Map<Integer, String> stream = t.columnByFrame("tcp.stream");
        Map<String, Long> commands = new TreeMap<>();
        t.columnByFrame("smtp.req.command").forEach((frame, v) -> {
            if (stream.get(frame).equals("2") && !v.isEmpty()) {
                for (String cmd : v.split(",")) {
                    commands.merge(cmd.toUpperCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        });
        Map<Integer, Long> codes = new TreeMap<>();
        t.columnByFrame("smtp.response.code").forEach((frame, v) -> {
            if (stream.get(frame).equals("2") && !v.isEmpty()) {
                for (String code : v.split(",")) {
                    codes.merge(Integer.parseInt(code), 1L, Long::sum);
                }
            }
        });
        SmtpStatistics all = run(c);
        SmtpStatistics stat = run(c, "tcp.stream == 2");
        assertEquals(commands, stat.commands(), "commands");
        assertEquals(codes, stat.replyCodes(), "reply codes");
        assertNotEquals(all.commands(), stat.commands(), "stream 0 left out");
        StringWriter text = new StringWriter();
        stat.report().text(new PrintWriter(text));
        assertTrue(text.toString().contains("\nFilter: tcp.stream == 2\nSessions: 1  Transactions: 1 "), text.toString());
    }

    /** A tap filter that does not compile: tshark's words for its own taps, exit 1 (an IllegalArgumentException). */
    @Test
    void badTapFilterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmtpStatistics.Factory().create("smtp.req.command ==", JDissect.create().registry().fields()));
        assertEquals("Couldn't register smtp,stat tap: Filter \"smtp.req.command ==\" is invalid - "
                + "Unexpected end of filter expression.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp_ehlo_basic.pcap", "smtp_helo_basic.pcap", "smtp_pipelining.pcap", "smtp_multi_rcpt.pcap",
        "smtp_mime_multipart.pcap", "smtp_dot_stuffing.pcap", "smtp_large_data_lo64k.pcap",
        "suricata-verify__smtp-multi-mail.pcap", "suricata-verify__smtp-rset.pcap", "suricata-verify__smtp-quit.pcap",
        "arkime__smtp-rcpt-553.pcap", "arkime__smtp-data-250.pcap", "zeek__smtp-multi-addr.pcap",
        "zeek__rfc3030-bdat-multipart.pcap", "wireshark-wiki__smtp.pcap"})
    void countsAreTsharks(String name) throws IOException {
        SharedTestdata.Capture c = SharedTestdata.capture(name);
        SharedTestdata.FieldsTable t = SharedTestdata.FieldsTable.read(c.fieldsTsv());
        Map<String, Long> commands = new TreeMap<>();
        Map<Integer, Long> codes = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        for (String v : t.columnByFrame("smtp.req.command").values()) {
            for (String cmd : v.isEmpty() ? new String[0] : v.split(",")) {
                commands.merge(cmd.toUpperCase(Locale.ROOT), 1L, Long::sum);
            }
        }
        for (String v : t.columnByFrame("smtp.response.code").values()) {
            for (String code : v.isEmpty() ? new String[0] : v.split(",")) {
                codes.merge(Integer.parseInt(code), 1L, Long::sum);
            }
        }
        for (String v : t.columnByFrame("smtp.response").values()) {
            Matcher m = STATUS.matcher(v);
            while (m.find()) {
                statuses.merge(m.group(1), 1L, Long::sum);
            }
        }
        SmtpStatistics stat = run(c);
        assertEquals(commands, stat.commands(), "commands");
        assertEquals(codes, stat.replyCodes(), "reply codes");
        assertEquals(statuses, stat.statusCodes(), "enhanced status codes");
    }
}
