package io.jdissect.protocols.tcp;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * A test-only line-based application dissector that asks TCP for more bytes exactly when tshark
 * 4.0's SMTP dissector does (packet-smtp.c with desegment_lines on): a request whose first line
 * has no end, or a response with a line without end, needs one more segment. It lets the TCP
 * reassembly service be compared with tshark's tcp.* fields on the shared SMTP captures without
 * the real SMTP dissector. Ports as SMTP's: 25, 587, and 2525 for the capture run with
 * {@code -d tcp.port==2525,smtp}; Decode-As entries so that it wins over a real SMTP if present.
 */
public final class LineProtocolPlugin implements ProtocolPlugin {
    private ProtocolDef proto;
    private FieldDef line;

    @Override
    public String name() {
        return "tcp-test-lines";
    }

    @Override
    public void register(DissectorRegistry registry) {
        proto = registry.fields().protocol("Test line protocol", "LINES", "testlines");
        line = registry.fields().field(proto, "testlines.line", "Line", FieldType.FT_STRING).register();
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        DissectorHandle h = registry.register("testlines", proto, this::dissect);
        DissectorTable ports = registry.table(DissectorRegistry.TCP_PORT);
        for (int port : new int[] {25, 587, 2525}) {
            ports.decodeAs(port, h);
        }
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        boolean request = pinfo.dstPort() == pinfo.matchUint();
        boolean desegment = pinfo.canDesegment();
        int[] next = new int[1];
        int offset = 0;
        TreeItem item = tree.add(proto.field(), tvb, 0, tvb.reportedLength());
        while (offset < tvb.length()) {
            int len = tvb.findLineEnd(offset, next);
            if (len < 0 && desegment && (!request || offset == 0)) {
                pinfo.requestMoreBytes(offset, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.length();
            }
            if (len < 0) {
                len = tvb.length() - offset;
                next[0] = tvb.length();
            }
            item.add(line, tvb, offset, next[0] - offset, tvb.latin1(offset, len));
            if (request) {
                break; // the rest of a request segment is one PDU for SMTP's desegmentation
            }
            offset = next[0];
        }
        pinfo.columns().setProtocol("LINES");
        return tvb.length();
    }
}
