package io.jdissect.protocols.udp;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.HeuristicTable;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.PayloadDispatch;

/**
 * Chooses who dissects a UDP payload, in tshark's order (decode_udp_ports): the conversation's
 * dissector, a Decode-As rule on the lower then the higher port, the {@code udp.port} table for
 * the lower then the higher port, the "udp" heuristics, then data. Port 0 is never looked up
 * (RFC 768: an unused source port is 0).
 */
final class UdpPayloadHandoff {
    private final DissectorTable ports;
    private final HeuristicTable heuristics;
    private final DissectorHandle data;

    UdpPayloadHandoff(DissectorRegistry registry) {
        this.ports = registry.table(DissectorRegistry.UDP_PORT);
        this.heuristics = registry.heuristicTable("udp");
        this.data = registry.handle("data");
    }

    void process(Tvb payload, PacketInfo pinfo, TreeItem root, UdpStreams.Stream stream) {
        DissectorHandle conversationDissector = stream.conversation.get(DissectorHandle.class);
        if (conversationDissector != null && pinfo.callContained(conversationDissector, payload, root) > 0) {
            return;
        }
        int low = Math.min(pinfo.srcPort(), pinfo.dstPort());
        int high = Math.max(pinfo.srcPort(), pinfo.dstPort());
        boolean taken = (low != 0 && ports.isDecodeAs(low) && tryPort(low, payload, pinfo, root))
                || (high != 0 && ports.isDecodeAs(high) && tryPort(high, payload, pinfo, root))
                || (low != 0 && tryPort(low, payload, pinfo, root))
                || (high != 0 && tryPort(high, payload, pinfo, root))
                || tryHeuristics(payload, pinfo, root);
        if (!taken) {
            pinfo.callContained(data, payload, root);
        }
    }

    private boolean tryPort(int port, Tvb payload, PacketInfo pinfo, TreeItem root) {
        return PayloadDispatch.tryUint(ports, port, payload, pinfo, root);
    }

    private boolean tryHeuristics(Tvb payload, PacketInfo pinfo, TreeItem root) {
        return PayloadDispatch.tryHeuristics(heuristics, payload, pinfo, root);
    }
}
