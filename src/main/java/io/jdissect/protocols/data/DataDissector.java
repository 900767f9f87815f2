package io.jdissect.protocols.data;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * The fallback for bytes no dissector claims: {@code Data (N bytes)} with {@code data.data} and
 * {@code data.len}, as Wireshark's packet-data.c.
 */
public final class DataDissector {
    private final ProtocolDef proto;
    private final FieldDef data;
    private final FieldDef len;
    private final DissectorHandle handle;

    public DataDissector(DissectorRegistry registry) {
        proto = registry.fields().protocol("Data", "Data", "data");
        data = registry.fields().field(proto, "data.data", "Data", FieldType.FT_BYTES).register();
        registry.fields().field(proto, "data.text", "Text", FieldType.FT_STRING).register();
        len = registry.fields().field(proto, "data.len", "Length", FieldType.FT_INT32).register();
        handle = registry.register("data", proto, this::dissect);
    }

    public DissectorHandle handle() {
        return handle;
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        // tshark shows the bytes that were captured: a payload cut by the snapshot length is
        // "Data (6 bytes)" with data.len 6, not an error.
        int n = tvb.length();
        if (tvb.reportedLength() == 0) {
            return 0;
        }
        // Nothing reads the data items (a filter on SMTP only, say): none is made.
        TreeItem item = pinfo.addIfWanted(tree, proto.field(), tvb, 0, n);
        if (!item.isDiscarding()) {
            item.setText(() -> "Data (" + n + " byte" + (n == 1 ? "" : "s") + ")");
            item.addBytes(data, tvb, 0, n);
            item.add(len, tvb, 0, 0, n).generated();
        }
        return tvb.reportedLength();
    }
}
