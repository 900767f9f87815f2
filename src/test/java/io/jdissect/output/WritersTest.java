package io.jdissect.output;

import io.jdissect.api.Packet;
import io.jdissect.field.FieldFormat;
import io.jdissect.testing.MergedJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each writer on {@link MiniPacket} (an excerpt of fmt_lo_usec.pcap frame 1) against what tshark
 * 4.0 printed for that frame; expected texts are copied from tshark's output.
 */
class WritersTest {
    private final Packet packet = MiniPacket.build();

    @BeforeEach
    void utc() {
        FieldFormat.setZone(ZoneOffset.UTC);
    }

    private static String run(PacketWriter w, ByteArrayOutputStream out, Packet... packets) throws IOException {
        w.begin();
        for (Packet p : packets) {
            w.write(p);
        }
        w.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void summaryLineHasTsharkColumnsAndSpacing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = run(new TextWriter(out, new OutputOptions(), TextWriter.Parts.SUMMARY), out, packet);
        assertEquals("    1   0.000000    127.0.0.1 \u2192 127.0.0.1    TCP 74 45814 \u2192 25 [SYN] Seq=0 Win=65495 Len=0"
                + " MSS=65495 SACK_PERM TSval=1668279437 TSecr=0 WS=1024\n", text);
    }

    @Test
    void verboseTreeHidesHiddenItemsAndBracketsGeneratedOnes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = run(new TextWriter(out, new OutputOptions(), TextWriter.Parts.DETAILS), out, packet);
        String expected = String.join("\n",
                "Frame 1: 74 bytes on wire (592 bits), 74 bytes captured (592 bits)",
                "    Frame Number: 1",
                "Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1",
                "    Destination Address: 127.0.0.1",
                "Transmission Control Protocol, Src Port: 45814, Dst Port: 25, Seq: 0, Len: 0",
                "    Source Port: 45814",
                "    Destination Port: 25",
                "    Flags: 0x002 (SYN)",
                "        .... .... ..1. = Syn: Set",
                "            [Expert Info (Chat/Sequence): Connection establish request (SYN): server port 25]",
                "                [Connection establish request (SYN): server port 25]",
                "                [Severity level: Chat]",
                "                [Group: Sequence]",
                "        .... .... ...0 = Fin: Not set",
                "    Timestamps",
                "        [Time since first frame in this TCP stream: 0.000000000 seconds]",
                "", "");
        assertEquals(expected, text);
    }

    @Test
    void verboseWithOExpandsOnlyTheListedProtocols() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputOptions o = new OutputOptions().expandOnly(java.util.Set.of("ip"));
        String text = run(new TextWriter(out, o, TextWriter.Parts.DETAILS), out, packet);
        assertEquals(String.join("\n",
                "Frame 1: 74 bytes on wire (592 bits), 74 bytes captured (592 bits)",
                "Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1",
                "    Destination Address: 127.0.0.1",
                "Transmission Control Protocol, Src Port: 45814, Dst Port: 25, Seq: 0, Len: 0",
                "", ""), text);
    }

    @Test
    void hexDumpIsTsharks() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = run(new TextWriter(out, new OutputOptions(), new TextWriter.Parts(false, false, true)), out, packet);
        assertEquals(String.join("\n",
                "0000  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00   ..............E.",
                "0010  00 3c 15 1d 40 00 40 06 27 9d 7f 00 00 01 7f 00   .<..@.@.'.......",
                "0020  00 01 b2 f6 00 19 ab 56 a9 b9 00 00 00 00 a0 02   .......V........",
                "0030  ff d7 fe 30 00 00 02 04 ff d7 04 02 08 0a 63 6f   ...0..........co",
                "0040  ec 8d 00 00 00 00 01 03 03 0a                     ..........",
                "", ""), text);
    }

    @Test
    void fieldsWithHeaderQuotesSeparatorAndAggregator() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputOptions o = new OutputOptions();
        for (String f : List.of("frame.number", "tcp.port", "tcp.flags", "tcp.flags.syn", "ip.dst", "_ws.col.Protocol")) {
            o.field(f);
        }
        FieldsFormat ff = new FieldsFormat().set("header=y").set("separator=,").set("quote=d").set("aggregator=/s");
        String text = run(new FieldsWriter(out, o.fieldsFormat(ff)), out, packet);
        // tshark -r fmt_lo_usec.pcap -c 1 -T fields -e … -E header=y -E separator=, -E quote=d -E aggregator=/s
        assertEquals("frame.number,tcp.port,tcp.flags,tcp.flags.syn,ip.dst,_ws.col.Protocol\n"
                + "\"1\",\"45814 25\",\"0x0002\",\"1\",\"127.0.0.1\",\"TCP\"\n", text);
        ByteArrayOutputStream last = new ByteArrayOutputStream();
        OutputOptions lastOnly = new OutputOptions().field("tcp.port").fieldsFormat(new FieldsFormat().set("occurrence=l"));
        assertEquals("25\n", run(new FieldsWriter(last, lastOnly), last, packet));
    }

    @Test
    void jsonLayoutWithFieldsIsTsharksByteForByte() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputOptions o = new OutputOptions().field("frame.number").field("ip.addr").field("smtp.req");
        String text = run(new JsonWriter(out, o), out, packet);
        // tshark -r fmt_lo_usec.pcap -c 1 -T json -e frame.number -e ip.addr (smtp.req absent: no key)
        assertEquals(String.join("\n",
                "[",
                "  {",
                "    \"_index\": \"packets-2026-11-22\",",
                "    \"_type\": \"doc\",",
                "    \"_score\": null,",
                "    \"_source\": {",
                "      \"layers\": {",
                "        \"frame.number\": [",
                "          \"1\"",
                "        ],",
                "        \"ip.addr\": [",
                "          \"127.0.0.1\"",
                "        ]",
                "      }",
                "    }",
                "  }",
                "]",
                ""), text);
    }

    @Test
    void emptyJsonIsAnEmptyArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals("[]\n", run(new JsonWriter(out, new OutputOptions()), out));
    }

    @Test
    void jsonTreeMergesRepeatedKeysAndKeepsHiddenTextAndExpertItems() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object doc = MergedJson.parseAll(new StringReader(run(new JsonWriter(out, new OutputOptions()), out, packet))).get(0);
        Map<?, ?> layers = layers(((List<?>) doc).get(0));
        // tshark -r fmt_lo_usec.pcap -c 1 -T json, frame 1's tcp layer restricted to the items of MiniPacket
        Object expected = parse("{\"tcp.srcport\": \"45814\", \"tcp.dstport\": \"25\", \"tcp.port\": \"45814\","
                + " \"tcp.port\": \"25\", \"tcp.flags\": \"0x0002\", \"tcp.flags_tree\": {\"tcp.flags.syn\": \"1\","
                + " \"tcp.flags.syn_tree\": {\"_ws.expert\": {\"tcp.connection.syn\": \"\","
                + " \"_ws.expert.message\": \"Connection establish request (SYN): server port 25\","
                + " \"_ws.expert.severity\": \"2097152\", \"_ws.expert.group\": \"33554432\"}}, \"tcp.flags.fin\": \"0\"},"
                + " \"Timestamps\": {\"tcp.time_relative\": \"0.000000000\"}}");
        assertEquals(expected, layers.get("tcp"));
        assertEquals(parse("{\"ip.dst\": \"127.0.0.1\", \"ip.addr\": \"127.0.0.1\"}"), layers.get("ip"));
    }

    @Test
    void jsonProtocolFilterReplacesUnlistedSubtrees() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputOptions o = new OutputOptions().protocolFilter(ProtocolFilter.parse("tcp tcp.flags", false));
        Object doc = MergedJson.parseAll(new StringReader(run(new JsonWriter(out, o), out, packet))).get(0);
        Map<?, ?> layers = layers(((List<?>) doc).get(0));
        // tshark -r fmt_lo_usec.pcap -c 1 -T json -j "tcp tcp.flags"
        assertEquals(parse("{\"filtered\": \"frame\"}"), layers.get("frame"));
        assertEquals(parse("{\"tcp.srcport\": \"45814\", \"tcp.dstport\": \"25\", \"tcp.port\": \"45814\", \"tcp.port\": \"25\","
                + " \"tcp.flags\": \"0x0002\", \"tcp.flags_tree\": {\"tcp.flags.syn\": \"1\","
                + " \"tcp.flags.syn_tree\": {\"filtered\": \"tcp.flags.syn\"}, \"tcp.flags.fin\": \"0\"},"
                + " \"Timestamps\": {\"filtered\": \"Timestamps\"}}"), layers.get("tcp"));
    }

    @Test
    void ekFlattensSubtreesAndTypesValues() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = run(new EkWriter(out, new OutputOptions()), out, packet);
        String[] lines = text.split("\n");
        assertEquals("{\"index\":{\"_index\":\"packets-2026-11-22\",\"_type\":\"doc\"}}", lines[0]);
        // tshark -r fmt_lo_usec.pcap -c 1 -T ek, restricted to the items of MiniPacket
        assertEquals("{\"timestamp\":\"1795334920873\",\"layers\":{\"frame\":{\"frame_frame_number\":\"1\"},"
                + "\"ip\":{\"ip_ip_dst\":\"127.0.0.1\",\"ip_ip_addr\":\"127.0.0.1\"},"
                + "\"tcp\":{\"tcp_tcp_srcport\":\"45814\",\"tcp_tcp_dstport\":\"25\",\"tcp_tcp_port\":[\"45814\",\"25\"],"
                + "\"tcp_tcp_flags\":\"0x0002\",\"tcp_tcp_flags_syn\":true,\"_ws_expert\":{\"tcp_tcp_connection_syn\":null,"
                + "\"_ws_expert__ws_expert_message\":\"Connection establish request (SYN): server port 25\","
                + "\"_ws_expert__ws_expert_severity\":\"2097152\",\"_ws_expert__ws_expert_group\":\"33554432\"},"
                + "\"tcp_tcp_flags_fin\":false,\"text\":\"Timestamps\",\"tcp_tcp_time_relative\":\"0.000000000\"}}}", lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void ekWritesANamesGroupsOneAfterAnotherInFirstSeenOrder() throws IOException {
        io.jdissect.api.DissectorRegistry registry = new io.jdissect.api.DissectorRegistry();
        io.jdissect.api.FieldRegistry f = registry.fields();
        io.jdissect.api.ProtocolDef tcp = f.protocol("Transmission Control Protocol", "TCP", "tcp");
        io.jdissect.api.FieldDef flags = f.field(tcp, "tcp.flags", "Flags", io.jdissect.api.FieldType.FT_UINT16).hex().mask(0xfff).register();
        io.jdissect.capture.CaptureRecord record = new io.jdissect.capture.CaptureRecord(MiniPacket.TIME, 0, 1,
                MiniPacket.BYTES.length, MiniPacket.BYTES, MiniPacket.BYTES.length, 24, null);
        io.jdissect.api.PacketInfo pinfo = new io.jdissect.api.PacketInfo(registry, record, 1,
                io.jdissect.api.Timestamp.ZERO, io.jdissect.api.Timestamp.ZERO);
        io.jdissect.api.Tvb tvb = io.jdissect.api.Tvb.ofSource("Frame", MiniPacket.BYTES);
        io.jdissect.api.TreeItem root = io.jdissect.api.TreeItem.root();
        io.jdissect.api.TreeItem t = root.add(tcp.field(), tvb, 34, 20);
        // "text" has two ek_fill_attr groups here: (tcp.flags, text) and (tcp, text), interleaved.
        t.add(flags, tvb, 46, 2, 0x002L).addText(tvb, 46, 2, "a1");
        t.addText(tvb, 34, 2, "b");
        t.add(flags, tvb, 46, 2, 0x001L).addText(tvb, 46, 2, "a2");
        t.addText(tvb, 36, 2, "c");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String doc = run(new EkWriter(out, new OutputOptions()), out, new Packet(pinfo, root)).split("\n")[1];
        assertEquals("{\"timestamp\":\"1795334920873\",\"layers\":{\"tcp\":{\"tcp_tcp_flags\":[\"0x0002\",\"0x0001\"],"
                + "\"text\":[\"a1\",\"a2\",\"b\",\"c\"]}}}", doc);
    }

    @Test
    void ekWithFieldsUsesUnderscoredNamesAndArrays() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputOptions o = new OutputOptions().field("frame.number").field("ip.addr").field("_ws.col.Protocol");
        String doc = run(new EkWriter(out, o), out, packet).split("\n")[1];
        // tshark -r fmt_lo_usec.pcap -c 1 -T ek -e frame.number -e ip.addr -e _ws.col.Protocol
        assertEquals("{\"timestamp\":\"1795334920873\",\"layers\":{\"frame_number\":[\"1\"],\"ip_addr\":[\"127.0.0.1\"],"
                + "\"_ws_col_Protocol\":[\"TCP\"]}}", doc);
    }

    private static Map<?, ?> layers(Object packetObject) {
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) packetObject).get("_source")).get("layers");
    }

    private static Object parse(String json) throws IOException {
        return MergedJson.parseAll(new StringReader(json)).get(0);
    }
}
