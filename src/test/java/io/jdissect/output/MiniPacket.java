package io.jdissect.output;

import io.jdissect.api.Base;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.Packet;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.capture.CaptureRecord;

import java.util.HexFormat;

/**
 * A hand-built excerpt of frame 1 of the shared {@code fmt_lo_usec.pcap} (a TCP SYN on loopback),
 * with fields declared as tshark declares them, so writer output can be checked against tshark's
 * output for that frame without a capture reader.
 */
final class MiniPacket {
    /** The 74 bytes of the frame, from tshark -x. */
    static final byte[] BYTES = HexFormat.of().parseHex(
            "00000000000000000000000008004500003c151d40004006279d7f0000017f000001b2f60019ab56a9b900000000a002"
                    + "ffd7fe3000000204ffd70402080a636fec8d000000000103030a");
    static final Timestamp TIME = new Timestamp(1795334920L, 873896000);

    private MiniPacket() {
    }

    static Packet build() {
        DissectorRegistry registry = new DissectorRegistry();
        FieldRegistry f = registry.fields();
        ProtocolDef frame = f.protocol("Frame", "Frame", "frame");
        FieldDef number = f.field(frame, "frame.number", "Frame Number", FieldType.FT_UINT32).register();
        ProtocolDef ip = f.protocol("Internet Protocol Version 4", "IPv4", "ip");
        FieldDef dst = f.field(ip, "ip.dst", "Destination Address", FieldType.FT_IPv4).register();
        FieldDef addr = f.field(ip, "ip.addr", "Source or Destination Address", FieldType.FT_IPv4).register();
        ProtocolDef tcp = f.protocol("Transmission Control Protocol", "TCP", "tcp");
        FieldDef srcport = f.field(tcp, "tcp.srcport", "Source Port", FieldType.FT_UINT16).register();
        FieldDef dstport = f.field(tcp, "tcp.dstport", "Destination Port", FieldType.FT_UINT16).register();
        FieldDef port = f.field(tcp, "tcp.port", "Source or Destination Port", FieldType.FT_UINT16).register();
        FieldDef flags = f.field(tcp, "tcp.flags", "Flags", FieldType.FT_UINT16).hex().mask(0xfff).register();
        FieldDef syn = f.field(tcp, "tcp.flags.syn", "Syn", FieldType.FT_BOOLEAN).mask(0x2, 12).trueFalse("Set", "Not set").register();
        FieldDef fin = f.field(tcp, "tcp.flags.fin", "Fin", FieldType.FT_BOOLEAN).mask(0x1, 12).trueFalse("Set", "Not set").register();
        FieldDef rel = f.field(tcp, "tcp.time_relative", "Time since first frame in this TCP stream",
                FieldType.FT_RELATIVE_TIME).base(Base.NONE).register();
        Expert.Def synExpert = registry.expert(tcp, "tcp.connection.syn", "Connection establish request (SYN)",
                Expert.Severity.CHAT, Expert.Group.SEQUENCE);

        CaptureRecord record = new CaptureRecord(TIME, 0, 1, BYTES.length, BYTES, BYTES.length, 24, null);
        PacketInfo pinfo = new PacketInfo(registry, record, 1, Timestamp.ZERO, Timestamp.ZERO);
        pinfo.columns().setSource("127.0.0.1");
        pinfo.columns().setDestination("127.0.0.1");
        pinfo.columns().setProtocol("TCP");
        pinfo.columns().setInfo("45814 \u2192 25 [SYN] Seq=0 Win=65495 Len=0 MSS=65495 SACK_PERM TSval=1668279437 TSecr=0 WS=1024");
        Tvb tvb = Tvb.ofSource("Frame", BYTES);
        TreeItem root = TreeItem.root();
        TreeItem fr = root.add(frame.field(), tvb, 0, BYTES.length)
                .setText("Frame 1: 74 bytes on wire (592 bits), 74 bytes captured (592 bits)");
        fr.add(number, tvb, 0, 0, 1L);
        TreeItem ipItem = root.add(ip.field(), tvb, 14, 20).setText("Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1");
        ipItem.add(dst, tvb, 30, 4, 0x7f000001L);
        ipItem.add(addr, tvb, 30, 4, 0x7f000001L).hidden();
        Tvb tcpTvb = tvb.subset(34);
        TreeItem t = root.add(tcp.field(), tcpTvb, 0, 40)
                .setText("Transmission Control Protocol, Src Port: 45814, Dst Port: 25, Seq: 0, Len: 0");
        t.add(srcport, tcpTvb, 0, 2, 45814L);
        t.add(dstport, tcpTvb, 2, 2, 25L);
        t.add(port, tcpTvb, 0, 2, 45814L).hidden();
        t.add(port, tcpTvb, 2, 2, 25L).hidden();
        TreeItem fl = t.add(flags, tcpTvb, 12, 2, 0x002L).setText("Flags: 0x002 (SYN)");
        TreeItem s = fl.add(syn, tcpTvb, 12, 2, 1L);
        registry.expert().add(s, synExpert, tcpTvb, 12, 2, "Connection establish request (SYN): server port 25");
        fl.add(fin, tcpTvb, 12, 2, 0L);
        TreeItem ts = t.addText(tcpTvb, 0, 0, "Timestamps");
        ts.add(rel, tcpTvb, 0, 0, Timestamp.ZERO).generated();
        return new Packet(pinfo, root);
    }
}
