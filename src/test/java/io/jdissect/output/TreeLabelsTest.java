package io.jdissect.output;

import io.jdissect.api.Base;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Labels of hand-built items, declared as {@code tshark -G fields} declares them, against lines of
 * tshark's {@code -V} output for the shared captures (the capture each line comes from is named).
 */
class TreeLabelsTest {
    private final FieldRegistry fields = new FieldRegistry();
    private final ProtocolDef ip = fields.protocol("Internet Protocol Version 4", "IPv4", "ip");
    private final TreeItem root = TreeItem.root();

    private TreeItem add(FieldDef def, long value) {
        return root.add(def, null, 0, 0, value);
    }

    @Test
    void bitmaskIntegersShowTheirBitsWithDotsOutsideTheMask() {
        // fmt_lo_usec.pcap frame 1
        FieldDef dscp = fields.field(ip, "ip.dsfield.dscp", "Differentiated Services Codepoint", FieldType.FT_UINT8)
                .mask(0xfc).values(Map.of(0L, "Default")).register();
        FieldDef frag = fields.field(ip, "ip.frag_offset", "Fragment Offset", FieldType.FT_UINT16).mask(0x1fff).register();
        assertEquals("0000 00.. = Differentiated Services Codepoint: Default (0)", TreeLabels.label(add(dscp, 0)));
        assertEquals("...0 0000 0000 0000 = Fragment Offset: 0", TreeLabels.label(add(frag, 0)));
    }

    @Test
    void bitmaskBooleansUseTheirDeclaredWidthAndTrueFalseStrings() {
        ProtocolDef tcp = fields.protocol("Transmission Control Protocol", "TCP", "tcp");
        ProtocolDef eth = fields.protocol("Ethernet II", "Ethernet", "eth");
        FieldDef syn = fields.field(tcp, "tcp.flags.syn", "Syn", FieldType.FT_BOOLEAN).mask(0x2, 12)
                .trueFalse("Set", "Not set").register();
        FieldDef df = fields.field(ip, "ip.flags.df", "Don't fragment", FieldType.FT_BOOLEAN).mask(0x40, 8)
                .trueFalse("Set", "Not set").register();
        FieldDef lg = fields.field(eth, "eth.lg", "LG bit", FieldType.FT_BOOLEAN).mask(0x20000, 24)
                .trueFalse("Locally administered address (this is NOT the factory default)",
                        "Globally unique address (factory default)").register();
        // fmt_lo_usec.pcap frame 1
        assertEquals(".... .... ..1. = Syn: Set", TreeLabels.label(add(syn, 1)));
        assertEquals(".1.. .... = Don't fragment: Set", TreeLabels.label(add(df, 1)));
        assertEquals(".... ..0. .... .... .... .... = LG bit: Globally unique address (factory default)",
                TreeLabels.label(add(lg, 0)));
    }

    @Test
    void aLabelThatFailsWhenMadeFallsBackToTheFieldsOwnLine() {
        // Labels are made when printed, outside the dissector's guard (a plugin's may throw there).
        FieldDef ttl = fields.field(ip, "ip.ttl", "Time to Live", FieldType.FT_UINT8).register();
        TreeItem item = add(ttl, 64).setText(() -> {
            throw new IllegalStateException("plugin bug");
        });
        assertEquals("Time to Live: 64", TreeLabels.label(item));
    }

    @Test
    void valueStringsAndBasesFormatAsTshark() {
        ProtocolDef eth = fields.protocol("Ethernet II", "Ethernet", "eth");
        FieldDef type = fields.field(eth, "eth.type", "Type", FieldType.FT_UINT16).hex()
                .values(Map.of(0x0800L, "IPv4")).register();
        FieldDef id = fields.field(ip, "ip.id", "Identification", FieldType.FT_UINT16).base(Base.BASE_HEX_DEC).register();
        FieldDef ttl = fields.field(ip, "ip.ttl", "Time to Live", FieldType.FT_UINT8).register();
        // fmt_lo_usec.pcap frame 1
        assertEquals("Type: IPv4 (0x0800)", TreeLabels.label(add(type, 0x0800)));
        assertEquals("Identification: 0x151d (5405)", TreeLabels.label(add(id, 0x151d)));
        assertEquals("Time to Live: 64", TreeLabels.label(add(ttl, 64)));
    }

    @Test
    void frameItemsTimesAndGeneratedBrackets() {
        FieldFormat.setZone(ZoneOffset.UTC);
        ProtocolDef frame = fields.protocol("Frame", "Frame", "frame");
        FieldDef time = fields.field(frame, "frame.time", "Arrival Time", FieldType.FT_ABSOLUTE_TIME).register();
        FieldDef rel = fields.field(frame, "frame.time_relative", "Time since reference or first frame",
                FieldType.FT_RELATIVE_TIME).register();
        FieldDef marked = fields.field(frame, "frame.marked", "Frame is marked", FieldType.FT_BOOLEAN).register();
        // fmt_lo_usec.pcap frames 1 and 2
        assertEquals("Arrival Time: Nov 22, 2026 08:08:40.873896000 UTC",
                TreeLabels.displayLine(root.add(time, null, 0, 0, new Timestamp(1795334920L, 873896000))));
        assertEquals("[Time since reference or first frame: 0.000015000 seconds]",
                TreeLabels.displayLine(root.add(rel, null, 0, 0, new Timestamp(0, 15000)).generated()));
        assertEquals("[Frame is marked: False]", TreeLabels.displayLine(add(marked, 0).generated()));
    }

    @Test
    void bytesShowAtMost36ThenAnEllipsis() {
        ProtocolDef data = fields.protocol("Data", "Data", "data");
        FieldDef d = fields.field(data, "data.data", "Data", FieldType.FT_BYTES).register();
        // suricata-verify__smtp-bug-5981.pcap: the first 36 bytes of a longer payload
        byte[] head = HexFormat.of().parseHex("7878784078787878782e636f2e756b3e0d0a46726f6d3a20225878787878782078787878");
        byte[] longer = Arrays.copyOf(head, 100);
        assertEquals("Data: 7878784078787878782e636f2e756b3e0d0a46726f6d3a20225878787878782078787878\u2026",
                TreeLabels.label(root.add(d, null, 0, 0, longer)));
        assertEquals("Data: 7878784078787878782e636f2e756b3e0d0a46726f6d3a20225878787878782078787878",
                TreeLabels.label(root.add(d, null, 0, 0, head)));
    }

    @Test
    void stringsEscapeControlCharactersAsFormatText() {
        ProtocolDef smtp = fields.protocol("Simple Mail Transfer Protocol", "SMTP", "smtp");
        FieldDef param = fields.field(smtp, "smtp.rsp.parameter", "Response parameter", FieldType.FT_STRING).register();
        // the raw text has a backslash followed by a form feed: tshark leaves the backslash alone
        String raw = "5.5.1 Command unrecognized: \"g\tdYiXHO~?\u0004Z\u000b&zO\\\f7ZrQ\u000bZ?>$Z,$>ZY\"";
        // suricata-verify__smtp-errors.pcap
        assertEquals("Response parameter: 5.5.1 Command unrecognized: \"g\\tdYiXHO~?\\004Z\\v&zO\\\\f7ZrQ\\vZ?>$Z,$>ZY\"",
                TreeLabels.label(root.add(param, null, 0, 0, raw)));
    }

    @Test
    void longLabelsAreMarkedTruncatedAndCut() {
        ProtocolDef smtp = fields.protocol("Simple Mail Transfer Protocol", "SMTP", "smtp");
        FieldDef param = fields.field(smtp, "smtp.req.parameter", "Request parameter", FieldType.FT_STRING).register();
        // suricata-verify__smtp-long-command.pcap frame 4: 238 bytes, " [truncated]" after the name
        String expected = "Request parameter [truncated]: " + "OBLAH".repeat(41) + "OB";
        String raw = "OBLAH".repeat(100);
        String label = TreeLabels.label(root.add(param, null, 0, 0, raw));
        assertEquals(expected, label);
        assertEquals(238, label.length());
    }

    @Test
    void longTextItemsAreMarkedTruncatedAtTheirStart() {
        // suricata-verify__smtp-bug-5981.pcap frame 21, a data-text-lines line: 238 bytes
        String prefix = "CRABAAAApwAAAKMAAADNAAAATFpGdcR+07IDAAoAcmNwZzEyNfIy";
        TreeItem line = root.addText(null, 0, 0, prefix + "A".repeat(400) + "\\r\\n");
        assertEquals(" [truncated]" + prefix + "A".repeat(174), TreeLabels.label(line));
    }

    @Test
    void textAndAppendedTextReplaceTheGenericLabel() {
        FieldDef len = fields.field(ip, "ip.hdr_len", "Header Length", FieldType.FT_UINT8).register();
        TreeItem item = add(len, 20).setText(".... 0101 = Header Length: 20 bytes (5)");
        assertEquals(".... 0101 = Header Length: 20 bytes (5)", TreeLabels.label(item));
        TreeItem seq = add(fields.field(ip, "tcp.seq", "Sequence Number", FieldType.FT_UINT32).register(), 0)
                .appendText("    (relative sequence number)");
        // fmt_lo_usec.pcap frame 1
        assertEquals("Sequence Number: 0    (relative sequence number)", TreeLabels.label(seq));
    }
}
