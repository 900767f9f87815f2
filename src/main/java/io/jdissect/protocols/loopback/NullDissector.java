package io.jdissect.protocols.loopback;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

import java.util.Map;

/**
 * BSD loopback encapsulations (packet-null.c): LINKTYPE_NULL, whose 4-byte address family is in
 * the byte order of the capturing host, and LINKTYPE_LOOP (OpenBSD), where it is big-endian. The
 * payload is handed on through the {@code null.type} table keyed by family ({@code null:ip:tcp}).
 */
final class NullDissector {
    /** Dissector table of payload protocols by BSD address family (Wireshark's "null.type"). */
    static final String FAMILY_TABLE = "null.type";
    private static final int HEADER_LEN = 4;

    /** BSD AF_ values; IPv6 has different numbers on different BSDs. */
    private static final Map<Long, String> FAMILIES = Map.of(
            2L, "IP", 7L, "OSI", 16L, "Appletalk", 23L, "Netware IPX/SPX", 24L, "IPv6", 28L, "IPv6", 30L, "IPv6");

    private final ProtocolDef proto;
    private final FieldDef family;
    private final DissectorTable table;
    private final DissectorHandle nullHandle;
    private final DissectorHandle loopHandle;
    private DissectorHandle data;

    NullDissector(DissectorRegistry registry) {
        proto = registry.fields().protocol("Null/Loopback", "Null", "null");
        family = registry.fields().field(proto, "null.family", "Family", FieldType.FT_UINT32).values(FAMILIES).register();
        table = registry.table(FAMILY_TABLE, "Null type", false);
        nullHandle = registry.register("null", proto, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, nullFamily(tvb)));
        loopHandle = registry.register("loop", proto, (tvb, pinfo, tree) -> dissect(tvb, pinfo, tree, tvb.u32(0)));
    }

    DissectorHandle nullHandle() {
        return nullHandle;
    }

    DissectorHandle loopHandle() {
        return loopHandle;
    }

    void handoff(DissectorRegistry registry) {
        data = registry.handle("data");
    }

    /**
     * The family of LINKTYPE_NULL is in the capturing host's byte order; real families are small
     * numbers, so one with bits in the upper half was written big-endian and is swapped back.
     */
    private static long nullFamily(Tvb tvb) {
        long v = tvb.u32le(0);
        return (v & 0xffff0000L) != 0 ? tvb.u32(0) : v;
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree, long familyValue) {
        pinfo.columns().setProtocol("N/A");
        pinfo.columns().setInfo("Null/Loopback");
        // Nothing made when nothing reads its field (a filter on SMTP only, say).
        TreeItem item = pinfo.addIfWanted(tree, proto.field(), tvb, 0, HEADER_LEN).setText("Null/Loopback");
        item.add(family, tvb, 0, HEADER_LEN, familyValue);
        Tvb next = tvb.subset(HEADER_LEN);
        DissectorHandle h = table.get(familyValue);
        int taken = h == null ? 0 : pinfo.callContained(h, next, tree);
        if (taken <= 0) {
            pinfo.callContained(data, next, tree);
        }
        return tvb.reportedLength();
    }
}
