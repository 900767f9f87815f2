package io.jdissect.filter;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluation on hand-built trees that mirror packets tshark was run on: the expected results are
 * tshark 4.0.17's (noted at each test), so the evaluator can be checked before capture readers and
 * dissectors exist.
 */
class DisplayFilterTest {
    private final FieldRegistry registry = new FieldRegistry();
    private final ProtocolDef ip = registry.protocol("Internet Protocol Version 4", "IPv4", "ip");
    private final FieldDef ipSrc = registry.field(ip, "ip.src", "Source Address", FieldType.FT_IPv4).register();
    private final FieldDef ipDst = registry.field(ip, "ip.dst", "Destination Address", FieldType.FT_IPv4).register();
    private final FieldDef ipAddr = registry.field(ip, "ip.addr", "Source or Destination Address", FieldType.FT_IPv4)
            .register();
    private final ProtocolDef smtp = registry.protocol("Simple Mail Transfer Protocol", "SMTP", "smtp");
    private final FieldDef command = registry.field(smtp, "smtp.req.command", "Command", FieldType.FT_STRING).register();
    private final FieldDef code = registry.field(smtp, "smtp.response.code", "Response code", FieldType.FT_UINT32)
            .values(Map.of(250L, "Requested mail action okay, completed")).register();

    private static Packet packet(TreeItem root) {
        return new Packet(new PacketInfo(null, null, 1, Timestamp.ZERO, Timestamp.ZERO), root);
    }

    private static long ipv4(int a, int b, int c, int d) {
        return ((long) a << 24) | (b << 16) | (c << 8) | d;
    }

    /** Frame 1 of Wireshark's test/captures/ipoipoip.pcap: five IPv4 layers. */
    private Packet ipInIp() {
        Tvb tvb = Tvb.ofSource("test", new byte[20]);
        TreeItem root = TreeItem.root();
        long[][] layers = {{ipv4(1, 1, 1, 1), ipv4(2, 2, 2, 2)}, {ipv4(3, 3, 3, 3), ipv4(4, 4, 4, 4)},
            {ipv4(7, 7, 7, 7), ipv4(8, 8, 8, 8)}, {ipv4(7, 7, 7, 7), ipv4(8, 8, 8, 8)},
            {ipv4(9, 9, 9, 9), ipv4(9, 9, 9, 9)}};
        for (long[] l : layers) {
            TreeItem p = root.add(ip.field(), tvb, 0, 20);
            p.add(ipSrc, tvb, 12, 4, l[0]);
            p.add(ipAddr, tvb, 12, 4, l[0]).hidden();
            p.add(ipDst, tvb, 16, 4, l[1]);
            p.add(ipAddr, tvb, 16, 4, l[1]).hidden();
        }
        return packet(root);
    }

    private boolean matches(String filter, Packet p) throws FilterException {
        return DisplayFilter.compile(filter, registry).matches(p);
    }

    /** tshark -r ipoipoip.pcap -Y … (group_syntax layer tests and runs of tshark 4.0.17). */
    @Test
    void layerOperatorSelectsProtocolLayers() throws FilterException {
        Packet p = ipInIp();
        assertTrue(matches("ip.addr#2 == 4.4.4.4", p));
        assertTrue(matches("ip.addr#5", p));
        assertFalse(matches("ip.addr#6", p));
        assertTrue(matches("ip.dst#[2-4] == 8.8.8.8", p));
        assertFalse(matches("ip.dst#[-1] == 8.8.8.8", p));
        assertTrue(matches("ip.dst#[-1] == 9.9.9.9", p));
        assertTrue(matches("ip.dst#[-5] == 2.2.2.2", p));
        assertFalse(matches("ip.src#2 == 2.2.2.2", p));
        assertTrue(matches("ip.src#1 == 1.1.1.1", p));
        assertFalse(matches("ip.src#[-1] == 3.3.3.3", p));
        assertTrue(matches("ip.dst#[2-3] == 4.4.4.4", p));
        assertTrue(matches("ip.addr#3", p));
    }

    /**
     * tshark -n -2 -r ipoipoip.pcap --selected-frame=1 -Y 'ip.src#3 == ${ip.src#4}' selects frame 1
     * (7.7.7.7 in both layers); without a selected frame a reference has no value.
     */
    @Test
    void referencesReadTheSelectedFrame() throws FilterException {
        Packet p = ipInIp();
        assertTrue(DisplayFilter.compile("ip.src#3 == ${ip.src#4}", registry, p).matches(p));
        assertFalse(DisplayFilter.compile("ip.src#1 == ${ip.src#4}", registry, p).matches(p));
        assertFalse(matches("ip.src#3 == ${ip.src#4}", p));
    }

    /** A request packet with commands MAIL, RCPT, RCPT, DATA (dfilter.md §4, observed with tshark 4.0.17). */
    private Packet pipelinedCommands() {
        byte[] data = "MAIL RCPT RCPT DATA".getBytes(StandardCharsets.US_ASCII);
        Tvb tvb = Tvb.ofSource("test", data);
        TreeItem root = TreeItem.root();
        TreeItem s = root.add(smtp.field(), tvb, 0, data.length);
        int off = 0;
        for (String c : new String[] {"MAIL", "RCPT", "RCPT", "DATA"}) {
            s.add(command, tvb, off, 4, c);
            off += 5;
        }
        return packet(root);
    }

    @Test
    void repeatedFieldsFollowAnyAllSemantics() throws FilterException {
        Packet p = pipelinedCommands();
        assertTrue(matches("smtp.req.command == \"RCPT\"", p));
        assertFalse(matches("smtp.req.command != \"RCPT\"", p));
        assertFalse(matches("smtp.req.command === \"RCPT\"", p));
        assertTrue(matches("smtp.req.command !== \"RCPT\"", p));
        assertTrue(matches("smtp.req.command == \"MAIL\" && smtp.req.command == \"RCPT\"", p));
        assertTrue(matches("any smtp.req.command contains \"A\"", p));
        assertFalse(matches("all smtp.req.command contains \"A\"", p));
        assertTrue(matches("smtp.req.command in {\"MAIL\",\"RCPT\"}", p));
        assertFalse(matches("smtp.req.command not in {\"MAIL\",\"RCPT\"}", p));
        assertTrue(matches("count(smtp.req.command) == 4", p));
        // Absent fields: comparisons are false, "not in" and "!(…)" are true (dfilter.md §4).
        assertFalse(matches("smtp.response.code != 250", p));
        assertTrue(matches("!smtp.response.code == 250", p));
        assertTrue(matches("smtp.response.code not in {250}", p));
        assertTrue(matches("smtp[0:4] == \"MAIL\"", p));
        assertTrue(matches("smtp matches \"rcpt\\\\s+rcpt\"", p));
    }

    @Test
    void valueStringLabelsConvertToIntegers() throws FilterException {
        Tvb tvb = Tvb.ofSource("test", "250 Ok".getBytes(StandardCharsets.US_ASCII));
        TreeItem root = TreeItem.root();
        root.add(smtp.field(), tvb, 0, 6).add(code, tvb, 0, 3, 250L);
        Packet p = packet(root);
        assertTrue(matches("smtp.response.code == \"Requested mail action okay, completed\"", p));
        assertTrue(matches("smtp.response.code == \"requested MAIL action okay, completed\"", p));
        FilterException e = assertThrows(FilterException.class,
                () -> DisplayFilter.compile("smtp.response.code == \"nope\"", registry));
        assertEquals("\"nope\" cannot be found among the possible values for smtp.response.code.", e.getMessage());
    }

    @Test
    void reportsFieldsUsedAndParsedForm() throws FilterException {
        DisplayFilter f = DisplayFilter.compile("smtp.req.command == \"MAIL\" && ip.src == 10.0.0.0/8", registry);
        assertEquals(Set.of("smtp.req.command", "ip.src"), f.fieldsUsed());
        assertEquals("(smtp.req.command <FT_STRING> any_eq \"MAIL\" <FT_STRING> and ip.src <FT_IPv4> any_eq 10.0.0.0/8 <FT_IPv4>)",
                f.describe());
        assertTrue(DisplayFilter.compile("", registry).matches(ipInIp()));
    }

    @Test
    void hostileRegexDoesNotHang() throws FilterException {
        Tvb tvb = Tvb.ofSource("test", "a".repeat(5000).getBytes(StandardCharsets.US_ASCII));
        TreeItem root = TreeItem.root();
        root.add(smtp.field(), tvb, 0, 5000).add(command, tvb, 0, 5000, "a".repeat(5000) + "!");
        long start = System.nanoTime();
        assertFalse(matches("smtp.req.command matches \"^(a+)+$\"", packet(root)));
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }
}
