package io.jdissect.protocols.tcp;

import io.jdissect.api.BoundsException;
import io.jdissect.api.Columns;
import io.jdissect.api.Dissector;
import io.jdissect.api.Expert;
import io.jdissect.api.FirstPassNotes;
import io.jdissect.api.Malformed;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.jdissect.dissect.BodyNeeds;
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.field.FieldFormat;
import io.jdissect.kaitai.TcpHeader;
import io.jdissect.protocols.ip.InErrorPacket;

import java.util.function.Supplier;

/**
 * The TCP dissector (RFC 9293) as tshark 4.0 shows a segment: header fields with relative
 * sequence numbers, flags, window scaling, options, per-stream timestamps, the SEQ/ACK analysis,
 * the Info column, and the payload handed to the application through {@link TcpReassembly}.
 * One instance per capture: it keeps the state of every stream.
 */
final class TcpDissector implements Dissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int MIN_HEADER = 20;

    private final TcpFields f;
    private final Expert expert;
    private final TcpOptions options;
    private final TcpStreamTable streams;
    private final TcpReassembly reassembly;
    private final AnalysisTree analysisTree;
    private final boolean desegment;
    private final PayloadHandoff handoff;

    TcpDissector(TcpFields fields, Expert expert, PayloadHandoff handoff, TcpPreferences prefs) {
        this.f = fields;
        this.expert = expert;
        this.options = new TcpOptions(fields, expert);
        this.reassembly = new TcpReassembly(fields, expert, handoff, prefs.maxStreamReassembly, prefs.maxTotalReassembly);
        this.analysisTree = new AnalysisTree(fields, expert);
        this.streams = new TcpStreamTable(prefs.maxStreams, prefs.maxStreamIndexes, this::release);
        this.desegment = prefs.desegment;
        this.handoff = handoff;
    }

    /**
     * Dissects one segment; a header cut short by the capture or the packet is reported as
     * tshark does, as TCP's ("[Malformed Packet: TCP]", "[Packet size limited…: TCP truncated]").
     */
    @Override
    public int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        try {
            return dissectSegment(tvb, pinfo, tree);
        } catch (BoundsException e) {
            Malformed.report(pinfo, tree, f.proto.shortName(), e);
            return tvb.reportedLength();
        }
    }

    /*
     * The items of the header are made by methods of their own, called only when the TCP tree is
     * kept: a filter on another protocol then runs a short method (the analysis, reassembly and
     * hand-off), which C2 compiles early and quickly. As one method of 2,460 bytes of bytecode this
     * was a single compile of 0.4 s, late in a run, recompiled whole when any inlined path trapped.
     */
    private int dissectSegment(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Columns col = pinfo.columns();
        col.setProtocol("TCP");
        col.clearInfo();
        int sport = tvb.u16(0);
        int dport = tvb.u16(2);
        // Nobody reads the columns or TCP's items (a filter on SMTP only, say): their text is not
        // made, but the analysis and reassembly still run.
        boolean cols = col.active();
        if (cols) {
            col.appendInfo(sport + " \u2192 " + dport);
        } else if (unread(pinfo) && !handoff.mayBeTaken(sport, dport)) {
            // Nothing the run reads comes out of this connection: its payloads would go to data, and
            // TCP's items, its columns and frame.protocols are not read (a filter on SMTP, say). Its
            // state is not kept either (a third of the benchmark capture's packets).
            return tvb.reportedLength();
        }
        TreeItem ti = pinfo.addIfWanted(tree, f.proto.field(), tvb, 0, Math.min(MIN_HEADER, tvb.reportedLength()));
        // The protocol item's label, noted beside the items: null when they are not kept.
        Label summary = ti.isDiscarding() ? null : new Label(sport, dport);
        if (summary != null) {
            portItems(ti, tvb, sport, dport);
        }
        pinfo.setPorts(sport, dport);

        TcpHeader h = new TcpHeader(KaitaiTvb.stream(headerIo, tvb, 0, MIN_HEADER));
        int hlen = h.dataOffset() * 4;
        int flags = h.flags();
        long rawSeq = h.seqNum();
        long rawAck = h.ackNum();
        long win = h.window();

        TcpStream stream = stream(pinfo, sport, dport, flags, rawSeq);
        // tshark's conversation_is_new: this segment made the stream (not a SYN on reused ports).
        boolean newConversation = stream.firstTime == null && stream.reusedPortsFrame != pinfo.frameNumber();
        if (stream.restored) {
            stream.restored = false;
            expert.add(ti, f.eiStreamEvicted, tvb, 0, 0);
        }
        int dir = stream.direction(pinfo.netSrc(), sport);
        TcpFlow fwd = stream.flows[dir];
        TcpFlow rev = stream.flows[1 - dir];
        TcpAnalysis ta = new TcpAnalysis();
        if (stream.reusedPortsFrame == pinfo.frameNumber()) {
            ta.flag(TcpAnalysis.REUSED_PORTS);
        } else if ((flags & (TcpHeaderFlags.SYN | TcpHeaderFlags.ACK)) == TcpHeaderFlags.SYN && fwd.baseSeqSet
                && rawSeq == fwd.baseSeq) {
            // A SYN again with the connection's ISN (tshark 4.0): the highest seq seen goes back to
            // the highest acknowledgeable one (a RST may have carried the ACK number as its seq,
            // Wireshark issue 17616), and the analysis record is made, so its tree shows even empty.
            fwd.nextseq = fwd.maxSeqToBeAcked;
            ta.touch();
        }
        pinfo.setConversation(stream.conversation);

        // A segment quoted in an ICMP error or in an IP fragment has no known length: tshark shows
        // the raw numbers, leaves it out of the analysis and does not desegment it.
        // A header longer than the segment is a short segment: tshark flags it and goes on as
        // with a quoted one.
        boolean shortSegment = hlen > tvb.reportedLength();
        boolean quoted = pinfo.get(InErrorPacket.class) != null || pinfo.fragmented();
        boolean haveSeglen = !quoted && !shortSegment;
        // tshark computes the segment length, the analysis and the first Info parts before it
        // looks at the header length, so a bogus one still shows them.
        int seglen = haveSeglen ? tvb.reportedLength() - hlen : Math.max(0, tvb.length() - hlen);
        if (summary != null) {
            streamItems(ti, tvb, pinfo, stream, summary, quoted, shortSegment, haveSeglen, rawSeq, seglen);
        }
        timestamps(stream, pinfo.absoluteTime());

        boolean ackSet = (flags & TcpHeaderFlags.ACK) != 0;
        boolean syn = (flags & TcpHeaderFlags.SYN) != 0;
        boolean fin = (flags & TcpHeaderFlags.FIN) != 0;
        if (haveSeglen) {
            // iRTT: from the most recent SYN to the first ACK that is not a SYN/ACK.
            if ((flags & (TcpHeaderFlags.SYN | TcpHeaderFlags.ACK)) == TcpHeaderFlags.ACK && stream.mruSyn != null
                    && stream.firstRtt.toNanos() == 0) {
                stream.firstRtt = pinfo.absoluteTime().minus(stream.mruSyn);
                pinfo.notes().note(f.initialRtt.abbrev(), stream.index, stream.firstRtt.toNanos());
            }
            SequenceAnalyzer.analyze(stream, fwd, rev, pinfo.frameNumber(), pinfo.absoluteTime(), rawSeq, rawAck,
                    seglen, flags, win, ta, pinfo.wants(f.analysis));
        }
        // Relative numbers come from the analysis, which only segments of known length get.
        long seq = haveSeglen ? Seq.sub(rawSeq, fwd.baseSeq) : rawSeq;
        long ack = ackSet && haveSeglen ? Seq.sub(rawAck, rev.baseSeq) : rawAck;
        long nxtseq = Seq.add(seq, seglen + (syn || fin ? 1 : 0));
        // Window scaling (RFC 7323 section 2.2): never on SYNs, else by the sender's shift if known.
        long realWindow = win;
        if (!syn && fwd.winScale >= 0) {
            realWindow = win << fwd.winScale;
        }
        String flagNames = cols || summary != null ? TcpHeaderFlags.names(flags) : null;
        StringBuilder info = cols ? info(flagNames, seq, ackSet, ack, realWindow, flags, h) : null;

        if (summary != null && !quoted) {
            seqItems(ti, tvb, seq, rawSeq, summary);
        }
        if (hlen < MIN_HEADER) {
            return bogusHeaderLength(tvb, ti, col, info, summary, hlen);
        }
        ti.setLength(hlen);
        if (cols) {
            col.appendInfo(info.toString());
            info.setLength(0);
        }
        if (summary != null) {
            ackItems(ti, tvb, summary, haveSeglen, nxtseq, ackSet, ack, rawAck, seglen, hlen);
            flagsTree(ti, tvb, flags, flagNames, stream, sport, pinfo);
        }
        noteFlags(stream, flags, sport, dport, pinfo);
        if (summary != null) {
            windowItems(ti, tvb, win, realWindow, fwd.winScale, syn, h.checksum(), h.urgentPointer(), flags);
        }

        if (haveSeglen && cols) {
            info.append(" Len=").append(seglen);
        }
        // The receiver's SACK blocks count until its next segment (tshark: bytes in flight).
        int sackRanges = 0;
        if (hlen > MIN_HEADER) {
            TcpOptions.Options o = options.dissect(tvb, MIN_HEADER, hlen - MIN_HEADER, ti,
                    rev.baseSeqSet ? rev.baseSeq : 0, cols);
            if (cols) {
                info.append(o.info);
            }
            // tshark stores a window scale option whatever segment carries it (pdu_store_window_scale_option).
            if (o.windowScaleShift >= 0) {
                fwd.winScale = o.windowScaleShift;
            }
            sackRanges = Math.max(0, o.sackRanges);
            System.arraycopy(o.sackLeft, 0, fwd.sackLeft, 0, sackRanges);
            System.arraycopy(o.sackRight, 0, fwd.sackRight, 0, sackRanges);
        }
        fwd.sackRanges = sackRanges;
        if (cols) {
            col.appendInfo(info.toString());
        }
        if (syn) {
            verifyWindowScaling(ackSet, fwd, rev);
        }

        printTimestamps(ti, tvb, stream, pinfo.absoluteTime());
        analysisTree.print(ti, tvb, pinfo, stream, ta);
        if (shortSegment) {
            // tshark fails here taking the payload after the declared header: Malformed.
            throw BoundsException.malformed(hlen, 0, tvb.reportedLength());
        }
        if (haveSeglen) {
            updateCompleteness(stream, newConversation, flags, seglen);
            pinfo.notes().note(f.completeness.abbrev(), stream.index, stream.completeness);
        }

        pinfo.put(TcpInfo.class, new TcpInfo(stream.index, stream.serverPort, seq, Seq.add(seq, seglen), ack, flags, false));
        if (seglen > 0) {
            Tvb payload = tvb.subset(hlen);
            if (summary != null) {
                ti.addBytes(f.payload, tvb, hlen, seglen)
                        .setText(() -> "TCP payload (" + seglen + " byte" + (seglen == 1 ? "" : "s") + ")");
            }
            boolean complete = tvb.length() == tvb.reportedLength();
            if (desegment && complete && haveSeglen) {
                reassembly.desegment(tvb, hlen, rawSeq, Seq.add(rawSeq, seglen), pinfo, tree, ti, ti, stream, fwd, ta, fin);
            } else {
                pinfo.setCanDesegment(false);
                handoff.process(payload, pinfo, tree, stream, ta);
            }
        }
        if (fin || (flags & TcpHeaderFlags.RST) != 0) {
            boolean reset = (flags & TcpHeaderFlags.RST) != 0;
            reassembly.release(fwd);
            if (reset) {
                reassembly.release(rev);
            }
            stream.conversation.closed(sport, reset);
        }
        return tvb.reportedLength();
    }

    /** Whether the run reads nothing TCP adds for a connection no dissector takes. */
    private boolean unread(PacketInfo pinfo) {
        return !pinfo.wants(f.proto.field()) && !BodyNeeds.undissectedPayloadRead(pinfo);
    }

    private void portItems(TreeItem ti, Tvb tvb, int sport, int dport) {
        ti.add(f.srcport, tvb, 0, 2, sport);
        ti.add(f.dstport, tvb, 2, 2, dport);
        ti.add(f.port, tvb, 0, 2, sport).hidden();
        ti.add(f.port, tvb, 2, 2, dport).hidden();
    }

    /** The raw sequence number of a quoted segment, the stream, its completeness so far and the length. */
    private void streamItems(TreeItem ti, Tvb tvb, PacketInfo pinfo, TcpStream stream, Label summary,
                             boolean quoted, boolean shortSegment, boolean haveSeglen, long rawSeq, int seglen) {
        if (quoted) {
            ti.add(f.seq, tvb, 4, 4, rawSeq);
            summary.seq = rawSeq;
        }
        ti.add(f.stream, tvb, 0, 0, stream.index).generated();
        // A second pass (-2) shows the stream's final completeness, noted by the first, and what
        // tshark's second pass adds to it from the stream's first segment (see updateCompleteness).
        long finalCompleteness = pinfo.notes().later(f.completeness.abbrev(), stream.index);
        int completeness = finalCompleteness != FirstPassNotes.ABSENT
                ? (int) finalCompleteness | stream.secondPassBits : stream.completeness;
        ti.add(f.completeness, null, 0, 0, completeness).generated()
                .setText(() -> "Conversation completeness: " + Completeness.label(completeness));
        if (shortSegment) {
            TreeItem item = ti.add(f.eiShortSegment.field(), tvb, 0, 0).setText(f.eiShortSegment.summary());
            expert.add(item, f.eiShortSegment, tvb, 0, 0);
        }
        if (haveSeglen) {
            ti.add(f.len, tvb, 12, 1, seglen).generated();
        }
    }

    /** The Info column's flags, numbers and window, before the length and the options. */
    private static StringBuilder info(String flagNames, long seq, boolean ackSet, long ack, long realWindow, int flags,
                                      TcpHeader h) {
        StringBuilder info = new StringBuilder();
        info.append(" [").append(flagNames).append("] Seq=").append(seq);
        if (ackSet) {
            info.append(" Ack=").append(ack);
        }
        info.append(" Win=").append(realWindow);
        if ((flags & TcpHeaderFlags.URG) != 0) {
            info.append(" Urg=").append(h.urgentPointer());
        }
        return info;
    }

    private void seqItems(TreeItem ti, Tvb tvb, long seq, long rawSeq, Label summary) {
        ti.add(f.seq, tvb, 4, 4, seq).setText(() -> "Sequence Number: " + seq + "    (relative sequence number)");
        ti.add(f.seqRaw, tvb, 4, 4, rawSeq);
        summary.seq = seq;
    }

    /** A header length under 20: tshark shows it with an expert item and dissects no further. */
    private int bogusHeaderLength(Tvb tvb, TreeItem ti, Columns col, StringBuilder info, Label summary, int hlen) {
        col.appendInfo((info != null ? info : "") + ", bogus TCP header length (" + hlen + ", must be at least "
                + MIN_HEADER + ")");
        TreeItem hl = ti.add(f.hdrLen, tvb, 12, 1, hlen).setText(bits4(hlen >> 2) + " .... = Header Length: "
                + hlen + " bytes (" + (hlen >> 2) + ")");
        expert.add(hl, f.eiBogusHeaderLength, tvb, 12, 1,
                "Bogus TCP header length (" + hlen + ", must be at least " + MIN_HEADER + ")");
        if (summary != null) {
            ti.setText(summary);
        }
        return tvb.reportedLength();
    }

    /** The next sequence number, the acknowledgment number, the protocol item's label and the header length. */
    private void ackItems(TreeItem ti, Tvb tvb, Label summary, boolean haveSeglen, long nxtseq, boolean ackSet,
                          long ack, long rawAck, int seglen, int hlen) {
        if (haveSeglen) {
            ti.add(f.nxtseq, tvb, 0, 0, nxtseq).generated()
                    .setText(() -> "Next Sequence Number: " + nxtseq + "    (relative sequence number)");
        }
        TreeItem ackItem = ti.add(f.ack, tvb, 8, 4, ack);
        if (ackSet) {
            ackItem.setText(() -> "Acknowledgment Number: " + ack + "    (relative ack number)");
            summary.ack = ack;
        } else if (rawAck != 0) {
            expert.add(ackItem, f.eiAckNonzero, tvb, 8, 4, "The acknowledgment number field is nonzero while the ACK flag is not set");
        }
        ti.add(f.ackRaw, tvb, 8, 4, rawAck);
        if (haveSeglen) {
            summary.len = seglen;
        }
        ti.setText(summary);
        ti.add(f.hdrLen, tvb, 12, 1, hlen).setText(() -> bits4(hlen >> 2) + " .... = Header Length: " + hlen
                + " bytes (" + (hlen >> 2) + ")");
    }

    /**
     * The window, its scaling factor ({@code winScale} as the analysis knows it before this
     * segment's options: -1 unknown, -2 none; not shown on SYNs), the checksum and the urgent pointer.
     */
    private void windowItems(TreeItem ti, Tvb tvb, long win, long realWindow, int winScale, boolean syn, int checksum,
                             int urgentPointer, int flags) {
        ti.add(f.windowSizeValue, tvb, 14, 2, win);
        ti.add(f.windowSize, tvb, 14, 2, realWindow).generated();
        if (!syn) {
            TreeItem sf = ti.add(f.windowScalefactor, tvb, 14, 2, winScale >= 0 ? 1L << winScale : winScale)
                    .generated();
            if (winScale == -1) {
                sf.setText("Window size scaling factor: -1 (unknown)");
            } else if (winScale == -2) {
                sf.setText("Window size scaling factor: -2 (no window scaling used)");
            }
        }
        ti.add(f.checksum, tvb, 16, 2, checksum).setText(() -> "Checksum: " + FieldFormat.hex(checksum, 4) + " [unverified]");
        ti.add(f.checksumStatus, tvb, 16, 0, 2).generated();
        TreeItem urp = ti.add(f.urgentPointer, tvb, 18, 2, urgentPointer);
        if ((flags & TcpHeaderFlags.URG) == 0 && urgentPointer != 0) {
            expert.add(urp, f.eiUrgentPointerNonZero, tvb, 18, 2,
                    "The urgent pointer field is nonzero while the URG flag is not set");
        }
    }

    /** Finds the stream of this segment, starting a new one for a new connection on reused ports. */
    private TcpStream stream(PacketInfo pinfo, int sport, int dport, int flags, long rawSeq) {
        TcpStream s = streams.find(pinfo.netSrc(), sport, pinfo.netDst(), dport);
        if (s == null) {
            return streams.create(pinfo.netSrc(), sport, pinfo.netDst(), dport);
        }
        // A SYN with another ISN is a new connection on the same ports. One with the same ISN stays in
        // the connection, whatever came before it (SYN/ACK, FIN, RST), as in tshark 4.0: a retransmission.
        if ((flags & (TcpHeaderFlags.SYN | TcpHeaderFlags.ACK)) == TcpHeaderFlags.SYN) {
            TcpFlow fwd = s.flows[s.direction(pinfo.netSrc(), sport)];
            if (fwd.baseSeqSet && rawSeq != fwd.baseSeq) {
                release(s);
                s = streams.create(pinfo.netSrc(), sport, pinfo.netDst(), dport);
                s.reusedPortsFrame = pinfo.frameNumber();
                // tshark shows the new connection's first SYN already counted.
                s.completeness = TcpStream.SYN_SENT;
            }
        }
        return s;
    }

    /**
     * Drops what an evicted stream, or one whose ports a new connection takes, holds: its reassembly
     * and analysis buffers and its conversation's data.
     */
    private void release(TcpStream s) {
        for (TcpFlow flow : s.flows) {
            reassembly.release(flow);
            flow.release();
        }
        s.conversation.release();
    }

    private static void timestamps(TcpStream s, Timestamp now) {
        if (s.firstTime == null) {
            s.firstTime = now;
            s.prevTime = now;
        }
        s.deltaFrom = s.prevTime;
        s.prevTime = now;
    }

    /** tcp.time_relative and tcp.time_delta, computed only when there is a tree to show them. */
    private void printTimestamps(TreeItem ti, Tvb tvb, TcpStream s, Timestamp now) {
        if (ti.isDiscarding()) {
            return;
        }
        TreeItem t = ti.addText(tvb, 0, 0, "Timestamps").generated();
        t.add(f.timeRelative, tvb, 0, 0, now.minus(s.firstTime)).generated();
        t.add(f.timeDelta, tvb, 0, 0, now.minus(s.deltaFrom)).generated();
    }

    /** The flags with their expert items; reads the stream as it was before this segment. */
    private void flagsTree(TreeItem ti, Tvb tvb, int flags, String names, TcpStream stream, int sport, PacketInfo pinfo) {
        TreeItem fl = ti.add(f.flags, tvb, 12, 2, flags)
                .setText(() -> "Flags: " + FieldFormat.hex(flags, 3) + " (" + names + ")");
        fl.add(f.flagsRes, tvb, 12, 2, (flags & TcpHeaderFlags.RESERVED) >> 9);
        fl.add(f.flagsAe, tvb, 12, 2, bit(flags, TcpHeaderFlags.AE));
        fl.add(f.flagsCwr, tvb, 12, 2, bit(flags, TcpHeaderFlags.CWR));
        fl.add(f.flagsEce, tvb, 12, 2, bit(flags, TcpHeaderFlags.ECE));
        fl.add(f.flagsUrg, tvb, 12, 2, bit(flags, TcpHeaderFlags.URG));
        fl.add(f.flagsAck, tvb, 12, 2, bit(flags, TcpHeaderFlags.ACK));
        fl.add(f.flagsPush, tvb, 12, 2, bit(flags, TcpHeaderFlags.PSH));
        TreeItem rst = fl.add(f.flagsReset, tvb, 12, 2, bit(flags, TcpHeaderFlags.RST));
        if ((flags & TcpHeaderFlags.RST) != 0) {
            expert.add(rst, f.eiRst, tvb, 12, 2);
        }
        TreeItem syn = fl.add(f.flagsSyn, tvb, 12, 2, bit(flags, TcpHeaderFlags.SYN));
        if ((flags & TcpHeaderFlags.SYN) != 0) {
            if ((flags & TcpHeaderFlags.ACK) != 0) {
                expert.add(syn, f.eiSynack, tvb, 12, 2,
                        "Connection establish acknowledge (SYN+ACK): server port " + sport);
            } else {
                expert.add(syn, f.eiSyn, tvb, 12, 2, "Connection establish request (SYN): server port " + pinfo.dstPort());
            }
        }
        TreeItem fin = fl.add(f.flagsFin, tvb, 12, 2, bit(flags, TcpHeaderFlags.FIN));
        if ((flags & TcpHeaderFlags.FIN) != 0) {
            expert.add(fin, f.eiFin, tvb, 12, 2);
        }
        TreeItem str = fl.add(f.flagsStr, tvb, 12, 2, TcpHeaderFlags.letters(flags)).generated();
        if ((flags & TcpHeaderFlags.FIN) != 0) {
            // A FIN answers the close when the other side started it, else it starts it (again when
            // retransmitted, even after the other side's answer: tshark's closing_initiator).
            int dir = stream.direction(pinfo.netSrc(), sport);
            if (stream.flows[1 - dir].closingInitiator) {
                expert.add(str, f.eiFinPassive, tvb, 12, 2);
            } else {
                expert.add(str, f.eiFinActive, tvb, 12, 2);
            }
        }
    }

    /** What the flags tell the stream, items or not: the server port, the last SYN, who started closing. */
    private static void noteFlags(TcpStream stream, int flags, int sport, int dport, PacketInfo pinfo) {
        if ((flags & TcpHeaderFlags.SYN) != 0) {
            // The server port is what the SYN went to, or what the SYN/ACK came from.
            if ((flags & TcpHeaderFlags.ACK) != 0) {
                stream.serverPort = sport;
            } else {
                stream.serverPort = dport;
                stream.mruSyn = pinfo.absoluteTime();
            }
        }
        if ((flags & TcpHeaderFlags.FIN) != 0) {
            int dir = stream.direction(pinfo.netSrc(), sport);
            if (!stream.flows[1 - dir].closingInitiator) {
                stream.flows[dir].closingInitiator = true;
            }
        }
    }

    /**
     * The protocol item's label, "Transmission Control Protocol, Src Port: 25, Dst Port: 1025, Seq: 1,
     * Ack: 1, Len: 0", made when printed (-V; whole JSON never prints it). The numbers are noted as the
     * dissection finds them, all before the item gets the label; -1 leaves one out.
     */
    private static final class Label implements Supplier<String> {
        private final int sport;
        private final int dport;
        long seq = -1;
        long ack = -1;
        long len = -1;

        Label(int sport, int dport) {
            this.sport = sport;
            this.dport = dport;
        }

        @Override
        public String get() {
            StringBuilder b = new StringBuilder("Transmission Control Protocol, Src Port: ").append(sport)
                    .append(", Dst Port: ").append(dport);
            if (seq >= 0) {
                b.append(", Seq: ").append(seq);
            }
            if (ack >= 0) {
                b.append(", Ack: ").append(ack);
            }
            if (len >= 0) {
                b.append(", Len: ").append(len);
            }
            return b.toString();
        }
    }

    private static long bit(int flags, int mask) {
        return (flags & mask) != 0 ? 1 : 0;
    }

    private static String bits4(int v) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 3; i >= 0; i--) {
            sb.append((v >> i & 1) == 0 ? '0' : '1');
        }
        return sb.toString();
    }

    /** verify_tcp_window_scaling: scaling is used only if both SYN and SYN/ACK carry the option. */
    private static void verifyWindowScaling(boolean synAck, TcpFlow fwd, TcpFlow rev) {
        if (fwd.winScale == -1) {
            fwd.winScale = -2;
            rev.winScale = -2;
        } else if (synAck && rev.winScale == -2) {
            fwd.winScale = -2;
        }
    }

    /**
     * The conversation completeness bits, updated after the item showed the value so far, as tshark
     * 4.0 does (packet-tcp.c, "initialize or move forward"): a new conversation starts from its first
     * segment alone, SYN_SENT for a pure SYN (and DATA with it, TCP Fast Open) and nothing for any
     * other; later segments add {@link #laterSegmentBits}. tshark's second pass finds the conversation
     * already made, so it adds the first segment's bits as a later one's to the first pass's final
     * value: kept for the second pass's items.
     */
    private static void updateCompleteness(TcpStream s, boolean newConversation, int flags, int seglen) {
        if (newConversation) {
            boolean pureSyn = (flags & (TcpHeaderFlags.SYN | TcpHeaderFlags.ACK)) == TcpHeaderFlags.SYN;
            s.completeness = pureSyn ? TcpStream.SYN_SENT | (seglen > 0 ? TcpStream.DATA : 0) : 0;
            s.secondPassBits = laterSegmentBits(flags, seglen);
            return;
        }
        s.completeness |= laterSegmentBits(flags, seglen);
    }

    /**
     * What a segment of a known conversation adds: SYN_ACK (SYN/ACK), DATA or ACK (an ACK without
     * SYN, with or without payload), FIN (FIN with ACK) and RST. A pure SYN adds nothing.
     */
    private static int laterSegmentBits(int flags, int seglen) {
        int bits = 0;
        int synAck = flags & (TcpHeaderFlags.SYN | TcpHeaderFlags.ACK);
        if (synAck == (TcpHeaderFlags.SYN | TcpHeaderFlags.ACK)) {
            bits |= TcpStream.SYN_ACK;
        } else if (synAck == TcpHeaderFlags.ACK) {
            bits |= seglen > 0 ? TcpStream.DATA : TcpStream.ACK;
        }
        if ((flags & (TcpHeaderFlags.FIN | TcpHeaderFlags.ACK)) == (TcpHeaderFlags.FIN | TcpHeaderFlags.ACK)) {
            bits |= TcpStream.FIN;
        }
        if ((flags & TcpHeaderFlags.RST) != 0) {
            bits |= TcpStream.RST;
        }
        return bits;
    }
}
