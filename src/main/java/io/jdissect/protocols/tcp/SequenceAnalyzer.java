package io.jdissect.protocols.tcp;

import io.jdissect.api.Timestamp;

import java.util.Iterator;

/**
 * tshark's single-pass TCP sequence analysis (tcp_analyze_sequence_number in packet-tcp.c 4.0):
 * sets the base sequence numbers and classifies each segment (retransmission, out-of-order, lost
 * segment, duplicate ACK, window update, keep-alive, zero window…), tracks what is acknowledged
 * and the bytes in flight. All sequence numbers are raw 32-bit values.
 */
final class SequenceAnalyzer {
    private static final long NANOS_20MS = 20_000_000L;
    private static final long DEFAULT_OOO_THRESHOLD_NANOS = 3_000_000L;

    private SequenceAnalyzer() {
    }

    /**
     * Analyses one segment. {@code analysisRead}: whether anything reads tcp.analysis or a field under
     * it; when nothing does, the walk over the unacknowledged segments that counts the bytes in flight
     * (shown only there, with push_bytes_sent beside them) is left out. The state later segments
     * depend on is kept either way.
     */
    static void analyze(TcpStream stream, TcpFlow fwd, TcpFlow rev, long frame, Timestamp now,
                        long seq, long ack, int seglen, int flags, long window, TcpAnalysis ta, boolean analysisRead) {
        boolean syn = (flags & TcpHeaderFlags.SYN) != 0;
        boolean fin = (flags & TcpHeaderFlags.FIN) != 0;
        boolean rst = (flags & TcpHeaderFlags.RST) != 0;
        boolean ackFlag = (flags & TcpHeaderFlags.ACK) != 0;
        boolean synFinRst = syn || fin || rst;

        if (!fwd.baseSeqSet) {
            if (syn) {
                fwd.baseSeq = seq;
            } else {
                // Without the SYN the first data byte is taken as relative 1 (tshark bug 1542).
                fwd.baseSeq = Seq.sub(seq, 1);
            }
            fwd.baseSeqSet = true;
        }
        // The ISN of the other side is learnt from the first ACK (usually the SYN/ACK's).
        if (!rev.baseSeqSet && ackFlag) {
            rev.baseSeq = Seq.sub(ack, 1);
            rev.baseSeqSet = true;
        }
        if (ackFlag) {
            rev.validBif = true;
        }

        boolean finishedFwd = false;
        // ZERO WINDOW PROBE: one byte at the next expected seq while the other side's window is 0.
        if (seglen == 1 && seq == fwd.nextseq && rev.window == 0) {
            ta.flag(TcpAnalysis.ZERO_WINDOW_PROBE);
            finishedFwd = true;
        }
        if (!finishedFwd) {
            if (window == 0 && !synFinRst) {
                ta.flag(TcpAnalysis.ZERO_WINDOW);
            }
            // LOST PACKET: beyond the highest nextseq seen.
            if (fwd.nextseq != 0 && Seq.gt(seq, fwd.nextseq) && !rst) {
                ta.flag(TcpAnalysis.LOST_PACKET);
                fwd.validBif = false;
            }
            // KEEP ALIVE: 0 or 1 byte one before the next expected seq.
            if ((seglen == 0 || seglen == 1) && seq == Seq.sub(fwd.nextseq, 1) && !synFinRst) {
                ta.flag(TcpAnalysis.KEEP_ALIVE);
            }
            boolean sameSeqAck = seglen == 0 && seq == fwd.nextseq && ack == fwd.lastAck && !synFinRst;
            // WINDOW UPDATE: nothing new but the window.
            if (sameSeqAck && window != 0 && window != fwd.window) {
                ta.flag(TcpAnalysis.WINDOW_UPDATE);
            }
            // WINDOW FULL: data up to the edge of the receiver's advertised window.
            if (seglen > 0 && rev.winScale != -1 && !synFinRst) {
                int shift = rev.winScale == -2 ? 0 : rev.winScale;
                long edge = Seq.add(rev.lastAck, rev.window << shift);
                if (Seq.add(seq, seglen) == edge) {
                    ta.flag(TcpAnalysis.WINDOW_FULL);
                }
            }
            if (sameSeqAck && window != 0 && window == fwd.window
                    && (rev.lastSegmentFlags & TcpAnalysis.KEEP_ALIVE) != 0) {
                ta.flag(TcpAnalysis.KEEP_ALIVE_ACK);
                finishedFwd = true;
            } else if (sameSeqAck && window == 0 && window == fwd.window
                    && (rev.lastSegmentFlags & TcpAnalysis.ZERO_WINDOW_PROBE) != 0) {
                ta.flag(TcpAnalysis.ZERO_WINDOW_PROBE_ACK);
                finishedFwd = true;
            } else if (sameSeqAck && window != 0 && window == fwd.window) {
                // DUPLICATE ACK: same window, seq and ack as before, no data. After an ACK of an
                // unseen segment the count was UNSEEN_ACKED, which the first duplicate makes 1.
                fwd.dupAckNum = fwd.dupAckNum == TcpFlow.UNSEEN_ACKED ? 1 : fwd.dupAckNum + 1;
                ta.flag(TcpAnalysis.DUPLICATE_ACK);
                ta.dupAckNum = fwd.dupAckNum;
                ta.dupAckFrame = fwd.lastNonDupAck;
            }
        }

        // finished_fwd: a new ACK number restarts the duplicate ACK count.
        if (ack != fwd.lastAck) {
            fwd.lastNonDupAck = frame;
            fwd.dupAckNum = 0;
        }

        // ACKED LOST PACKET: acknowledges beyond what the other side was seen to send (tshark
        // 4.0.17). When the other side sent more since, the mark moves to its highest seq, so one
        // gap is reported once; when it did not (its segment is still to come, or was lost), only
        // while this side has no duplicate ACK counted, and then the count is marked instead.
        if (rev.maxSeqToBeAcked != 0 && Seq.gt(ack, rev.maxSeqToBeAcked) && ackFlag) {
            ta.touch(); // the record is made flag or not, so the analysis tree shows
            if (Seq.lt(rev.maxSeqToBeAcked, rev.nextseq)) {
                rev.maxSeqToBeAcked = rev.nextseq;
                ta.flag(TcpAnalysis.ACK_LOST_PACKET);
            } else {
                if (rev.dupAckNum == 0) {
                    ta.flag(TcpAnalysis.ACK_LOST_PACKET);
                }
                rev.dupAckNum = TcpFlow.UNSEEN_ACKED;
            }
        }

        if (seglen > 0 || syn || fin) {
            classifyRetransmission(stream, fwd, rev, now, seq, seglen, syn || fin, ta);
        }

        // finished_checking_retransmission_type
        long nextseq = Seq.add(seq, seglen);
        if ((seglen > 0 || syn || fin) && fwd.segments.size() < TcpFlow.MAX_UNACKED_SEGMENTS) {
            if (syn || fin) {
                nextseq = Seq.add(nextseq, 1);
            }
            fwd.segments.addFirst(new TcpFlow.Unacked(frame, seq, nextseq, now));
        }
        boolean zwp = ta.has(TcpAnalysis.ZERO_WINDOW_PROBE);
        if (Seq.gt(nextseq, fwd.nextseq) || fwd.nextseq == 0) {
            if (!zwp) {
                fwd.nextseq = nextseq;
                fwd.nextseqFrame = frame;
                fwd.nextseqTime = now;
            }
        }
        if (seq == fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked == 0) {
            if (!zwp) {
                fwd.maxSeqToBeAcked = fwd.nextseq;
            }
        }
        fwd.window = window;
        fwd.lastAck = ack;
        fwd.lastAckTime = now;
        fwd.lastSegmentFlags = ta.present ? ta.flags : 0;

        // Remove what this ACK acknowledges from the other direction's unacked list.
        for (Iterator<TcpFlow.Unacked> it = rev.segments.iterator(); it.hasNext(); ) {
            TcpFlow.Unacked u = it.next();
            if (ack == u.nextseq) {
                ta.touch();
                ta.frameAcked = u.frame;
                ta.ackedSent = u.ts;
                ta.ackedAt = now;
            } else if (Seq.gt(ack, u.seq) && Seq.le(ack, u.nextseq)) {
                u.seq = ack;
                continue;
            } else if (Seq.gt(u.nextseq, ack)) {
                continue;
            }
            it.remove();
        }

        bytesInFlight(fwd, rev, seglen, flags, ta, analysisRead);
    }

    private static void classifyRetransmission(TcpStream stream, TcpFlow fwd, TcpFlow rev, Timestamp now, long seq,
                                               int seglen, boolean synOrFin, TcpAnalysis ta) {
        boolean seqNotAdvanced = fwd.nextseq != 0 && Seq.lt(seq, fwd.nextseq);
        if (ta.has(TcpAnalysis.KEEP_ALIVE)) {
            return;
        }
        // More than one byte starting one before nextseq adds new data (after a zero window probe).
        if (seglen > 1 && Seq.sub(fwd.nextseq, 1) == seq) {
            seqNotAdvanced = false;
        }
        // SPURIOUS: everything in it was already acknowledged.
        if (seglen > 0 && rev.lastAck != 0 && Seq.le(Seq.add(seq, seglen), rev.lastAck)) {
            ta.flag(TcpAnalysis.SPURIOUS_RETRANSMISSION);
            return;
        }
        // FAST RETRANSMISSION: >= 2 duplicate ACKs for this seq within 20 ms.
        long sinceAck = now.minus(rev.lastAckTime).toNanos();
        // tshark's count is unsigned: UNSEEN_ACKED (-1) is at least 2 there.
        if (seqNotAdvanced && Integer.compareUnsigned(rev.dupAckNum, 2) >= 0 && rev.lastAck == seq
                && sinceAck < NANOS_20MS) {
            ta.flag(TcpAnalysis.FAST_RETRANSMISSION);
            return;
        }
        // OUT-OF-ORDER: soon after the highest segment, and not a plain resend of the last one.
        long sinceNext = now.minus(fwd.nextseqTime).toNanos();
        long threshold = stream.firstRtt.toNanos() == 0 ? DEFAULT_OOO_THRESHOLD_NANOS : stream.firstRtt.toNanos();
        if (seqNotAdvanced && sinceNext < threshold
                && fwd.nextseq != Seq.add(Seq.add(seq, seglen), synOrFin ? 1 : 0)) {
            ta.flag(TcpAnalysis.OUT_OF_ORDER);
            return;
        }
        if (seqNotAdvanced) {
            ta.flag(TcpAnalysis.RETRANSMISSION);
            // RTO from the segment with the highest seq, or better from the eldest unacked one.
            ta.rto = now.minus(fwd.nextseqTime);
            ta.rtoFrame = fwd.nextseqFrame;
            TcpFlow.Unacked eldest = fwd.segments.peekLast();
            if (eldest != null) {
                ta.rto = now.minus(eldest.ts);
                ta.rtoFrame = eldest.frame;
            }
        }
    }

    private static void bytesInFlight(TcpFlow fwd, TcpFlow rev, int seglen, int flags, TcpAnalysis ta,
                                      boolean analysisRead) {
        if (seglen == 0 || fwd.segments.isEmpty() || !fwd.validBif) {
            return;
        }
        if (analysisRead) {
            inFlight(fwd, rev, flags, ta);
        }
        boolean push = (flags & TcpHeaderFlags.PSH) != 0;
        if (push && !fwd.pushSetLast) {
            fwd.pushBytesSent += seglen;
            fwd.pushSetLast = true;
        } else if (push) {
            fwd.pushBytesSent = seglen;
        } else if (fwd.pushSetLast) {
            fwd.pushBytesSent = seglen;
            fwd.pushSetLast = false;
        } else {
            fwd.pushBytesSent += seglen;
        }
        ta.touch();
        ta.pushBytesSent = fwd.pushBytesSent;
    }

    /** tcp.analysis.bytes_in_flight: from the lowest to the highest unacknowledged byte, less what SACKs delivered. */
    private static void inFlight(TcpFlow fwd, TcpFlow rev, int flags, TcpAnalysis ta) {
        TcpFlow.Unacked head = fwd.segments.peekFirst();
        long first = Seq.sub(head.seq, fwd.baseSeq);
        long last = Seq.sub(head.nextseq, fwd.baseSeq);
        for (TcpFlow.Unacked u : fwd.segments) {
            long n = Seq.sub(u.nextseq, fwd.baseSeq);
            long s = Seq.sub(u.seq, fwd.baseSeq);
            if (n > last) {
                last = n;
            }
            if (s < first) {
                first = s;
            }
        }
        long inFlight = (last - first) & 0xffffffffL;
        // Bytes the receiver reported in its last SACK blocks are delivered, not in flight.
        for (int i = 0; i < rev.sackRanges; i++) {
            inFlight = (inFlight - Seq.sub(rev.sackRight[i], rev.sackLeft[i])) & 0xffffffffL;
        }
        if (inFlight > 0 && inFlight < 2_000_000_000L) {
            ta.touch();
            ta.bytesInFlight = inFlight;
            if ((flags & (TcpHeaderFlags.SYN | TcpHeaderFlags.FIN)) != 0) {
                ta.bytesInFlight -= 1;
            }
        }
    }
}
