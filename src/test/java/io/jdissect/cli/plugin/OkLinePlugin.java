package io.jdissect.cli.plugin;

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
 * A working TCP heuristic: it takes a payload that starts with "+OK" (a POP3 server's positive
 * answer; the core has no POP3 dissector) and shows the rest of that line as {@code okline.text}.
 * Anything else it declines (returns 0), so TCP goes on to the next heuristic or to data.
 */
public final class OkLinePlugin implements ProtocolPlugin {
    private ProtocolDef proto;
    private FieldDef text;
    private DissectorHandle handle;

    @Override
    public String name() {
        return "okline";
    }

    @Override
    public void register(DissectorRegistry registry) {
        proto = registry.fields().protocol("OK Line", "OKLINE", "okline");
        text = registry.fields().field(proto, "okline.text", "Text", FieldType.FT_STRING).register();
        handle = registry.register("okline", proto, this::dissect);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        registry.heuristicTable("tcp").add(handle);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        if (tvb.length() < 3 || tvb.u8(0) != '+' || tvb.u8(1) != 'O' || tvb.u8(2) != 'K') {
            return 0;
        }
        int end = 3;
        while (end < tvb.length() && tvb.u8(end) != '\r' && tvb.u8(end) != '\n') {
            end++;
        }
        int start = end > 3 && tvb.u8(3) == ' ' ? 4 : 3;
        pinfo.columns().setProtocol("OKLINE");
        TreeItem item = tree.add(proto.field(), tvb, 0, end);
        item.add(text, tvb, start, end - start, tvb.ascii(start, end - start));
        return tvb.length();
    }
}
