package io.jdissect.analysis;

import io.jdissect.api.Analysis;
import io.jdissect.api.JDissect;
import io.jdissect.api.PacketStream;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code -z smtp,stat} against tshark's fields of the shared captures (X.fields.tsv): commands as
 * tshark's {@code smtp.req.command} (upper case), replies as {@code smtp.response.code} (one per
 * reply), enhanced status codes as the RFC 3463 code at the start of each reply's first line
 * ({@code smtp.response}).
 */
class SmtpStatisticsTest {
    private static final Pattern STATUS = Pattern.compile("(?:^|,)\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})(?= |\\\\r|$)");

    static SmtpStatistics run(SharedTestdata.Capture c) throws IOException {
        JDissect.Builder b = JDissect.builder();
        List<String> opts = c.options();
        for (int i = 0; i + 1 < opts.size(); i += 2) {
            if (opts.get(i).equals("-d")) {
                b.decodeAs(opts.get(i + 1));
            }
        }
        SmtpStatistics stat = new SmtpStatistics();
        Analysis analysis = new Analysis(m -> {
            throw new AssertionError(m);
        }).add("smtp,stat", stat);
        try (PacketStream packets = b.build().open(c.file())) {
            analysis.run(packets);
        }
        return stat;
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
