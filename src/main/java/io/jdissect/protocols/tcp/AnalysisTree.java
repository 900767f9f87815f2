package io.jdissect.protocols.tcp;

import io.jdissect.api.Columns;
import io.jdissect.api.Expert;
import io.jdissect.api.FirstPassNotes;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Shows a segment's {@link TcpAnalysis} as tshark's "SEQ/ACK analysis" subtree, with its expert
 * items and the Info column prefixes ("[TCP Retransmission] "), in tshark's order
 * (tcp_print_sequence_number_analysis).
 */
final class AnalysisTree {
    private final TcpFields f;
    private final Expert expert;

    AnalysisTree(TcpFields fields, Expert expert) {
        this.f = fields;
        this.expert = expert;
    }

    void print(TreeItem tcpTree, Tvb tvb, PacketInfo pinfo, TcpStream stream, TcpAnalysis ta) {
        if (!ta.present || tcpTree.isDiscarding() && !pinfo.columns().active()) {
            return; // nothing would be kept: the items (expert ones too) go under TCP's tree, the prefixes to Info
        }
        TreeItem tree = tcpTree.add(f.analysis, tvb, 0, 0).generated().setText("SEQ/ACK analysis");
        if (ta.frameAcked != 0) {
            tree.add(f.acksFrame, tvb, 0, 0, ta.frameAcked).generated();
            Timestamp rtt = ta.ackRtt();
            if (rtt.toNanos() != 0) {
                tree.add(f.ackRtt, tvb, 0, 0, rtt).generated();
            }
        }
        // The iRTT is known from the handshake's ACK on; a second pass (-2) shows it from the start.
        long laterRtt = pinfo.notes().later(f.initialRtt.abbrev(), stream.index);
        if (stream.firstRtt.toNanos() != 0) {
            tree.add(f.initialRtt, tvb, 0, 0, stream.firstRtt).generated();
        } else if (laterRtt != FirstPassNotes.ABSENT) {
            tree.add(f.initialRtt, tvb, 0, 0, Timestamp.ofNanos(laterRtt)).generated();
        }
        if (ta.bytesInFlight != 0) {
            tree.add(f.bytesInFlight, tvb, 0, 0, ta.bytesInFlight).generated();
            tree.add(f.pushBytesSent, tvb, 0, 0, ta.pushBytesSent).generated();
        }
        if (ta.flags == 0) {
            return;
        }
        TreeItem item = tree.add(f.analysisFlags, tvb, 0, 0).generated().setText("TCP Analysis Flags");
        Columns col = pinfo.columns();
        flag(ta, TcpAnalysis.REUSED_PORTS, item, tvb, col, f.eiReusedPorts, "[TCP Port numbers reused] ");
        if (flag(ta, TcpAnalysis.RETRANSMISSION, item, tvb, col, f.eiRetransmission, "[TCP Retransmission] ")
                && ta.rto.toNanos() != 0) {
            item.add(f.rto, tvb, 0, 0, ta.rto).generated();
            item.add(f.rtoFrame, tvb, 0, 0, ta.rtoFrame).generated();
        }
        // fast and spurious retransmissions are retransmissions too: tshark adds both expert items
        if (flag(ta, TcpAnalysis.FAST_RETRANSMISSION, item, tvb, col, f.eiFastRetransmission,
                "[TCP Fast Retransmission] ")) {
            expert.add(item, f.eiRetransmission, tvb, 0, 0);
        }
        if (flag(ta, TcpAnalysis.SPURIOUS_RETRANSMISSION, item, tvb, col, f.eiSpuriousRetransmission,
                "[TCP Spurious Retransmission] ")) {
            expert.add(item, f.eiRetransmission, tvb, 0, 0);
        }
        flag(ta, TcpAnalysis.OUT_OF_ORDER, item, tvb, col, f.eiOutOfOrder, "[TCP Out-Of-Order] ");
        flag(ta, TcpAnalysis.LOST_PACKET, item, tvb, col, f.eiLostSegment, "[TCP Previous segment not captured] ");
        flag(ta, TcpAnalysis.ACK_LOST_PACKET, item, tvb, col, f.eiAckLostSegment, "[TCP ACKed unseen segment] ");
        flag(ta, TcpAnalysis.WINDOW_UPDATE, item, tvb, col, f.eiWindowUpdate, "[TCP Window Update] ");
        flag(ta, TcpAnalysis.WINDOW_FULL, item, tvb, col, f.eiWindowFull, "[TCP Window Full] ");
        flag(ta, TcpAnalysis.KEEP_ALIVE, item, tvb, col, f.eiKeepAlive, "[TCP Keep-Alive] ");
        flag(ta, TcpAnalysis.KEEP_ALIVE_ACK, item, tvb, col, f.eiKeepAliveAck, "[TCP Keep-Alive ACK] ");
        if (ta.dupAckNum != 0) {
            if (ta.has(TcpAnalysis.DUPLICATE_ACK)) {
                item.add(f.duplicateAck, tvb, 0, 0).generated().setText("This is a TCP duplicate ack");
                col.prependInfoFenced("[TCP Dup ACK " + ta.dupAckFrame + "#" + ta.dupAckNum + "] ");
            }
            tree.add(f.duplicateAckNum, tvb, 0, 0, ta.dupAckNum).generated();
            TreeItem frame = tree.add(f.duplicateAckFrame, tvb, 0, 0, ta.dupAckFrame).generated();
            expert.add(frame, f.eiDuplicateAck, tvb, 0, 0, "Duplicate ACK (#" + ta.dupAckNum + ")");
        }
        flag(ta, TcpAnalysis.ZERO_WINDOW_PROBE, item, tvb, col, f.eiZeroWindowProbe, "[TCP ZeroWindowProbe] ");
        flag(ta, TcpAnalysis.ZERO_WINDOW, item, tvb, col, f.eiZeroWindow, "[TCP ZeroWindow] ");
        flag(ta, TcpAnalysis.ZERO_WINDOW_PROBE_ACK, item, tvb, col, f.eiZeroWindowProbeAck, "[TCP ZeroWindowProbeAck] ");
    }

    /** One analysis flag: its expert item under the flags item and its Info prefix; true if set. */
    private boolean flag(TcpAnalysis ta, int bit, TreeItem item, Tvb tvb, Columns col, Expert.Def def, String prefix) {
        if (!ta.has(bit)) {
            return false;
        }
        expert.add(item, def, tvb, 0, 0);
        col.prependInfoFenced(prefix);
        return true;
    }
}
