package io.jdissect.protocols.tcp;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.HeuristicTable;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.PayloadDispatch;

/**
 * Chooses who dissects a TCP payload, in tshark's order (decode_tcp_ports): the conversation's
 * dissector, then the {@code tcp.port} table (where Decode-As entries win) for the server port seen
 * on the SYN, the lower port, the higher port, then the "tcp" heuristics, then data. An exception
 * in the chosen dissector becomes a Malformed item and TCP goes on.
 */
final class PayloadHandoff {
    private final DissectorTable ports;
    private final HeuristicTable heuristics;
    private final DissectorHandle data;
    private final boolean noSubdissectorOnError;

    PayloadHandoff(DissectorRegistry registry, boolean noSubdissectorOnError) {
        this.ports = registry.table(DissectorRegistry.TCP_PORT);
        this.heuristics = registry.heuristicTable("tcp");
        this.data = registry.handle("data");
        this.noSubdissectorOnError = noSubdissectorOnError;
    }

    /**
     * Hands {@code payload} to the application, unless the segment is a retransmission or out of
     * order (tcp.no_subdissector_on_error).
     */
    void process(Tvb payload, PacketInfo pinfo, TreeItem root, TcpStream stream, TcpAnalysis ta) {
        if (noSubdissectorOnError && ta.has(TcpAnalysis.RETRANSMISSION | TcpAnalysis.OUT_OF_ORDER)) {
            return;
        }
        DissectorHandle conversationDissector = stream.conversation.get(DissectorHandle.class);
        if (conversationDissector != null && pinfo.callContained(conversationDissector, payload, root) > 0) {
            return;
        }
        int low = Math.min(pinfo.srcPort(), pinfo.dstPort());
        int high = Math.max(pinfo.srcPort(), pinfo.dstPort());
        boolean taken = (stream.serverPort != 0 && tryPort(stream.serverPort, payload, pinfo, root))
                || (low != 0 && tryPort(low, payload, pinfo, root))
                || (high != 0 && tryPort(high, payload, pinfo, root))
                || tryHeuristics(payload, pinfo, root);
        if (!taken) {
            pinfo.callContained(data, payload, root);
        }
    }

    /**
     * Whether a dissector may take the payloads between these ports: one of them is in the port
     * table (Decode-As included), or a heuristic is registered. When not, every payload of the
     * connection goes to data, and no conversation dissector can be set on it (only a dissector
     * running on a connection sets one).
     */
    boolean mayBeTaken(int sport, int dport) {
        return sport != 0 && ports.get(sport) != null || dport != 0 && ports.get(dport) != null || !heuristics.isEmpty();
    }

    private boolean tryPort(int port, Tvb payload, PacketInfo pinfo, TreeItem root) {
        return PayloadDispatch.tryUint(ports, port, payload, pinfo, root);
    }

    private boolean tryHeuristics(Tvb payload, PacketInfo pinfo, TreeItem root) {
        return PayloadDispatch.tryHeuristics(heuristics, payload, pinfo, root);
    }
}
