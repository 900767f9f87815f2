package io.jdissect.dissect;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.HeuristicTable;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * The two lookups a layer makes for its payload (Wireshark's dissector_try_uint and
 * dissector_try_heuristic): a table entry, with the key as the callee's match value, and the
 * heuristic list in order. Both contain what the callee throws.
 */
public final class PayloadDispatch {
    private PayloadDispatch() {
    }

    /** Whether the dissector registered for {@code key} (a port, an EtherType, a SAP) took the payload. */
    public static boolean tryUint(DissectorTable table, int key, Tvb payload, PacketInfo pinfo, TreeItem root) {
        DissectorHandle h = table.get(key);
        if (h == null) {
            return false;
        }
        long saved = pinfo.matchUint();
        pinfo.setMatchUint(key);
        try {
            return pinfo.callContained(h, payload, root) > 0;
        } finally {
            pinfo.setMatchUint(saved);
        }
    }

    /** Whether one of the heuristic dissectors took the payload. */
    public static boolean tryHeuristics(HeuristicTable heuristics, Tvb payload, PacketInfo pinfo, TreeItem root) {
        for (DissectorHandle h : heuristics.entries()) {
            if (pinfo.callContained(h, payload, root) > 0) {
                return true;
            }
        }
        return false;
    }
}
