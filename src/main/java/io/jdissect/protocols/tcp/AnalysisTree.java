package io.jdissect.protocols.tcp;

import io.jdissect.dissect.Columns;
import io.jdissect.dissect.Expert;
import io.jdissect.dissect.PacketInfo;
import io.jdissect.dissect.Tvb;
import io.jdissect.tree.TreeItem;

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
        if (!ta.present) {
            return;
        }
        TreeItem tree = tcpTree.add(f.analysis, tvb, 0, 0).generated().setText("SEQ/ACK analysis");
        if (ta.frameAcked != 0) {
            tree.add(f.acksFrame, tvb, 0, 0, ta.frameAcked).generated();
            if (ta.ackRtt.toNanos() != 0) {
                tree.add(f.ackRtt, tvb, 0, 0, ta.ackRtt).generated();
            }
        }
        if (stream.firstRtt.toNanos() != 0) {
            tree.add(f.initialRtt, tvb, 0, 0, stream.firstRtt).generated();
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
        if (ta.has(TcpAnalysis.REUSED_PORTS)) {
            expert.add(item, f.eiReusedPorts, tvb, 0, 0);
            col.prependInfoFenced("[TCP Port numbers reused] ");
        }
        if (ta.has(TcpAnalysis.RETRANSMISSION)) {
            expert.add(item, f.eiRetransmission, tvb, 0, 0);
            col.prependInfoFenced("[TCP Retransmission] ");
            if (ta.rto.toNanos() != 0) {
                item.add(f.rto, tvb, 0, 0, ta.rto).generated();
                item.add(f.rtoFrame, tvb, 0, 0, ta.rtoFrame).generated();
            }
        }
        if (ta.has(TcpAnalysis.FAST_RETRANSMISSION)) {
            expert.add(item, f.eiFastRetransmission, tvb, 0, 0);
            expert.add(item, f.eiRetransmission, tvb, 0, 0);
            col.prependInfoFenced("[TCP Fast Retransmission] ");
        }
        if (ta.has(TcpAnalysis.SPURIOUS_RETRANSMISSION)) {
            expert.add(item, f.eiSpuriousRetransmission, tvb, 0, 0);
            expert.add(item, f.eiRetransmission, tvb, 0, 0);
            col.prependInfoFenced("[TCP Spurious Retransmission] ");
        }
        if (ta.has(TcpAnalysis.OUT_OF_ORDER)) {
            expert.add(item, f.eiOutOfOrder, tvb, 0, 0);
            col.prependInfoFenced("[TCP Out-Of-Order] ");
        }
        if (ta.has(TcpAnalysis.LOST_PACKET)) {
            expert.add(item, f.eiLostSegment, tvb, 0, 0);
            col.prependInfoFenced("[TCP Previous segment not captured] ");
        }
        if (ta.has(TcpAnalysis.ACK_LOST_PACKET)) {
            expert.add(item, f.eiAckLostSegment, tvb, 0, 0);
            col.prependInfoFenced("[TCP ACKed unseen segment] ");
        }
        if (ta.has(TcpAnalysis.WINDOW_UPDATE)) {
            expert.add(item, f.eiWindowUpdate, tvb, 0, 0);
            col.prependInfoFenced("[TCP Window Update] ");
        }
        if (ta.has(TcpAnalysis.WINDOW_FULL)) {
            expert.add(item, f.eiWindowFull, tvb, 0, 0);
            col.prependInfoFenced("[TCP Window Full] ");
        }
        if (ta.has(TcpAnalysis.KEEP_ALIVE)) {
            expert.add(item, f.eiKeepAlive, tvb, 0, 0);
            col.prependInfoFenced("[TCP Keep-Alive] ");
        }
        if (ta.has(TcpAnalysis.KEEP_ALIVE_ACK)) {
            expert.add(item, f.eiKeepAliveAck, tvb, 0, 0);
            col.prependInfoFenced("[TCP Keep-Alive ACK] ");
        }
        if (ta.dupAckNum != 0) {
            if (ta.has(TcpAnalysis.DUPLICATE_ACK)) {
                item.add(f.duplicateAck, tvb, 0, 0).generated().setText("This is a TCP duplicate ack");
                col.prependInfoFenced("[TCP Dup ACK " + ta.dupAckFrame + "#" + ta.dupAckNum + "] ");
            }
            tree.add(f.duplicateAckNum, tvb, 0, 0, ta.dupAckNum).generated();
            TreeItem frame = tree.add(f.duplicateAckFrame, tvb, 0, 0, ta.dupAckFrame).generated();
            expert.add(frame, f.eiDuplicateAck, tvb, 0, 0, "Duplicate ACK (#" + ta.dupAckNum + ")");
        }
        if (ta.has(TcpAnalysis.ZERO_WINDOW_PROBE)) {
            expert.add(item, f.eiZeroWindowProbe, tvb, 0, 0);
            col.prependInfoFenced("[TCP ZeroWindowProbe] ");
        }
        if (ta.has(TcpAnalysis.ZERO_WINDOW)) {
            expert.add(item, f.eiZeroWindow, tvb, 0, 0);
            col.prependInfoFenced("[TCP ZeroWindow] ");
        }
        if (ta.has(TcpAnalysis.ZERO_WINDOW_PROBE_ACK)) {
            expert.add(item, f.eiZeroWindowProbeAck, tvb, 0, 0);
            col.prependInfoFenced("[TCP ZeroWindowProbeAck] ");
        }
    }
}
