package io.jdissect.protocols.tcp;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.ProtocolPlugin;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * A test-only dissector of messages with a 2-byte length prefix (DNS over TCP, RFC 1035 section
 * 4.2.2) on port 53 that asks TCP for more bytes as tshark's tcp_dissect_pdus does: one more
 * segment when not even the length is there, else exactly the missing bytes of the message.
 */
public final class LengthPrefixedProtocolPlugin implements ProtocolPlugin {
    private ProtocolDef proto;
    private FieldDef length;

    @Override
    public String name() {
        return "tcp-test-length-prefixed";
    }

    @Override
    public void register(DissectorRegistry registry) {
        proto = registry.fields().protocol("Test length-prefixed protocol", "LP", "testlp");
        length = registry.fields().field(proto, "testlp.length", "Length", FieldType.FT_UINT16).register();
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        DissectorHandle h = registry.register("testlp", proto, this::dissect);
        registry.table(DissectorRegistry.TCP_PORT).decodeAs(53, h);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        int offset = 0;
        while (offset < tvb.reportedLength()) {
            int remaining = tvb.reportedLength() - offset;
            if (remaining < 2 && pinfo.canDesegment()) {
                pinfo.requestMoreBytes(offset, PacketInfo.ONE_MORE_SEGMENT);
                return tvb.reportedLength();
            }
            int pduLength = 2 + tvb.u16(offset);
            if (remaining < pduLength && pinfo.canDesegment()) {
                pinfo.requestMoreBytes(offset, pduLength - remaining);
                return tvb.reportedLength();
            }
            TreeItem item = tree.add(proto.field(), tvb, offset, Math.min(pduLength, remaining));
            item.add(length, tvb, offset, 2, pduLength - 2);
            pinfo.columns().setProtocol("LP");
            offset += Math.min(pduLength, remaining);
        }
        return tvb.reportedLength();
    }
}
