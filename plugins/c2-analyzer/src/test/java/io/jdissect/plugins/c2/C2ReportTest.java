package io.jdissect.plugins.c2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three layouts of the report, on the findings of testdata/c2-port.pcap. */
class C2ReportTest {
    private static List<Finding> findings() {
        return Captures.findings(Captures.own("c2-port.pcap"), "", "tcp.port==8025,smtp");
    }

    private static String text(boolean jsonLines) {
        StringWriter w = new StringWriter();
        try (PrintWriter out = new PrintWriter(w)) {
            new C2Report(findings(), 0, jsonLines).text(out);
        }
        return w.toString();
    }

    @Test
    void jsonLinesHoldOneFindingEach() {
        String[] lines = text(true).split("\n");
        assertEquals(2, lines.length);
        assertEquals("{\"technique\":\"T1071.003\",\"rule\":\"cleartext-credentials\",\"severity\":\"medium\","
                + "\"stream\":0,\"client\":\"10.0.0.8:43001\",\"server\":\"192.0.2.26:8025\",\"frames\":[7,8],"
                + "\"evidence\":[{\"frame\":7,\"field\":\"smtp.x.verb\",\"value\":\"AUTH\"},"
                + "{\"frame\":7,\"field\":\"smtp.x.auth.mechanism\",\"value\":\"PLAIN\"},"
                + "{\"frame\":7,\"field\":\"smtp.x.auth.username\",\"value\":\"bot7\"},"
                + "{\"frame\":7,\"field\":\"smtp.x.auth.password\",\"value\":\"(7 characters, not shown)\"},"
                + "{\"frame\":8,\"field\":\"smtp.response.code\",\"value\":\"535\"}],"
                + "\"message\":\"AUTH PLAIN for \\\"bot7\\\" sent in clear text, refused (535)\"}", lines[1]);
    }

    @Test
    void textForPeople() {
        String text = text(false);
        assertTrue(text.startsWith("=".repeat(70) + "\nC2 over SMTP (MITRE ATT&CK T1071.003): 2 findings\n"), text);
        assertTrue(text.contains("[low] nonstandard-port  tcp.stream 0  10.0.0.8:43001 -> 192.0.2.26:8025\n"
                + "    SMTP on TCP port 8025, not one of the ordinary mail ports\n"
                + "    frames 4\n"
                + "    frame 4  tcp.srcport = 8025\n"
                + "    frame 4  smtp.response.code = 220\n"), text);
    }

    @Test
    void jsonObjectWithTheFindings() throws IOException {
        StringWriter w = new StringWriter();
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator g = factory.createGenerator(w)) {
            new C2Report(findings(), 3, false).json(g);
        }
        String json = w.toString();
        assertTrue(json.startsWith("{\"technique\":\"T1071.003\",\"findings\":[{\"technique\":\"T1071.003\",\"rule\":\"nonstandard-port\""), json);
        assertTrue(json.endsWith("],\"not_kept\":3}"), json);
        int objects = 0;
        try (JsonParser p = factory.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                objects += t == JsonToken.START_OBJECT ? 1 : 0;
            }
        }
        assertEquals(1 + 2 + 2 + 5, objects); // the report, two findings, their evidence
    }
}
