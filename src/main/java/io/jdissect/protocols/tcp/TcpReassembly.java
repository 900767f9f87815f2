package io.jdissect.protocols.tcp;

import io.jdissect.api.Expert;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.reassembly.ReassembledIn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * TCP desegmentation for application dissectors (packet-tcp.c's desegment_tcp, single pass, in
 * order): a dissector that finds its PDU incomplete calls {@link PacketInfo#requestMoreBytes};
 * the bytes from there on are kept as a multi-segment PDU (MSP) of this direction, later segments
 * are added to it, and on the segment that completes it the dissector is called again with a
 * "Reassembled TCP" tvb and the {@code tcp.segments} tree. Memory is capped per stream and in
 * total; a PDU that would exceed a cap is dropped with an expert item. A cap counts what a PDU
 * holds ({@link Msp#held()}), the room of the array it is assembled into included.
 */
final class TcpReassembly {
    /** packet-tcp.c does not start an MSP for more than this many bytes of a first segment. */
    private static final long MAX_FIRST_SEGMENT_SPAN = 1024 * 1024;
    /** Finished MSPs kept per direction to recognise retransmissions of their first segment. */
    private static final int KEPT_MSPS = 16;

    /**
     * One piece of a PDU: which frame gave which bytes, at which offset of the PDU. Its copy of the
     * bytes is dropped once they are assembled ({@link Msp#assembled}); its place stays, for the
     * {@code tcp.segments} tree.
     */
    record Fragment(long frame, int offset, int length, byte[] data) {
        Fragment withoutData() {
            return new Fragment(frame, offset, length, null);
        }

        int end() {
            return offset + length;
        }
    }

    /** A PDU spanning segments (tcp_multisegment_pdu + its fragment_head). */
    static final class Msp {
        final long seq;
        long nxtpdu;
        long lastFrame;
        boolean entireSegment;
        boolean done;
        final List<Fragment> fragments = new ArrayList<>(4);
        /** {@link #held()} as last counted against the caps. */
        long bytes;
        /** Bytes of the fragments not yet assembled, each in a copy of its own. */
        long pending;
        /**
         * The end of the bytes the fragments cover from offset 0 without a hole, while every fragment
         * began within it (the usual order); -1 once one did not, and holes must be looked for.
         */
        int coveredEnd;
        /**
         * The PDU as last handed to the application: its first {@link #assembledLength} bytes, made
         * of the first {@link #assembledFragments} fragments. An application that asks for one more
         * segment at a time (a line with no end yet) is handed the PDU again with every segment:
         * made afresh each time, a 6 MB line cost 12 GB of copies. It grows in place instead
         * (doubling when full); the bytes already handed out never change (see {@link #assemble}).
         */
        byte[] assembled;
        int assembledLength;
        int assembledFragments;
        /** What the application saw of the PDU when it last asked for more having dissected none. */
        int seenByApplication;

        /**
         * The bytes this PDU keeps: its assembled array, or, when more, the PDU's length once its
         * pending fragments are assembled. A pending fragment's copy lives beside the array only
         * until the call that added it assembles it (a PDU with an array grows a segment at a time).
         */
        long held() {
            return heldWith(0);
        }

        /** What it would keep with {@code more} bytes of fragments pending besides. */
        long heldWith(long more) {
            return Math.max(assembled == null ? 0 : assembled.length, assembledLength + pending + more);
        }

        void clearFragments() {
            fragments.clear();
            coveredEnd = 0;
            pending = 0;
            assembled = null;
            assembledLength = 0;
            assembledFragments = 0;
            seenByApplication = 0;
        }

        Msp(long seq, long nxtpdu, long frame) {
            this.seq = seq;
            this.nxtpdu = nxtpdu;
            this.lastFrame = frame;
        }
    }

    /** The MSPs of one direction. */
    static final class FlowState {
        final Deque<Msp> msps = new ArrayDeque<>();
        boolean untilFin;

        void clear() {
            msps.clear();
        }

        long bytes() {
            long n = 0;
            for (Msp m : msps) {
                n += m.bytes;
            }
            return n;
        }
    }

    /** Bytes buffered over all streams of one capture, against the total cap. */
    private long totalBytes;
    private final long maxPerStream;
    private final long maxTotal;
    private final TcpFields f;
    private final Expert expert;
    private final PayloadHandoff handoff;

    TcpReassembly(TcpFields fields, Expert expert, PayloadHandoff handoff, long maxPerStream, long maxTotal) {
        this.f = fields;
        this.expert = expert;
        this.handoff = handoff;
        this.maxPerStream = maxPerStream;
        this.maxTotal = maxTotal;
    }

    /** Frees the buffers of a direction (FIN, RST). */
    void release(TcpFlow flow) {
        for (Msp m : flow.reassembly.msps) {
            totalBytes -= m.bytes;
            m.bytes = 0;
            m.clearFragments();
        }
        flow.reassembly.clear();
    }

    /** What one call to the application left behind. */
    private static final class Call {
        int desegmentOffset;
        int desegmentLen;
    }

    /**
     * Dissects the payload at {@code offset} of {@code tvb}, whose sequence numbers are
     * {@code seq} up to {@code nxtseq} (raw), desegmenting as the application asks.
     */
    void desegment(Tvb tvb, int offset, long seq, long nxtseq, PacketInfo pinfo, TreeItem root, TreeItem tcpItem,
                   TreeItem tcpTree, TcpStream stream, TcpFlow fwd, TcpAnalysis ta, boolean fin) {
        FlowState fs = fwd.reassembly;
        long frame = pinfo.frameNumber();
        while (true) {
            int desegOffset = offset;
            boolean mustDesegment = false;
            boolean calledDissector = false;
            int anotherPduFollows = 0;
            int desegmentLen = 0;
            int desegmentOffset = 0;

            // A segment that starts an MSP we already have is a retransmission of it.
            Msp same = exact(fs, seq);
            if (same != null && Seq.le(nxtseq, same.nxtpdu) && same.lastFrame != frame) {
                int n = tvb.reportedLength() - offset;
                segmentData(tcpTree, tvb, offset, n, "Retransmitted TCP segment data");
                return;
            }
            // Analysis found it sent before: never handed to the application again.
            if (ta.has(TcpAnalysis.SPURIOUS_RETRANSMISSION)) {
                return;
            }
            if (ta.has(TcpAnalysis.RETRANSMISSION)) {
                int n = tvb.reportedLength() - offset;
                segmentData(tcpTree, tvb, offset, n, "Retransmitted TCP segment data");
                return;
            }
            Msp msp = before(fs, seq);
            Msp completed = null;
            int lastFragmentLen = 0;
            if (msp != null && Seq.le(msp.seq, seq) && Seq.gt(msp.nxtpdu, seq)) {
                // This segment continues a PDU that an earlier segment started.
                msp.lastFrame = frame;
                int len = msp.entireSegment
                        ? tvb.length() - offset
                        : (int) Math.min(Seq.sub(nxtseq, seq), Seq.sub(msp.nxtpdu, seq));
                lastFragmentLen = len;
                if (!msp.done) {
                    boolean moreFrags = Seq.lt(nxtseq, msp.nxtpdu) && !(fs.untilFin && fin);
                    if (!addFragment(fs, msp, frame, (int) Seq.sub(seq, msp.seq), tvb, offset, len)) {
                        limitReached(pinfo, tvb, offset, tcpTree, fs, msp);
                        return;
                    }
                    if (msp.entireSegment) {
                        msp.entireSegment = false;
                        if (Seq.lt(msp.nxtpdu, nxtseq)) {
                            msp.nxtpdu = nxtseq;
                        }
                    }
                    if (!moreFrags && contiguous(msp)) {
                        completed = msp;
                    }
                }
                if (Seq.lt(msp.nxtpdu, nxtseq) && Seq.ge(msp.nxtpdu, seq) && len > 0) {
                    anotherPduFollows = (int) Seq.sub(msp.nxtpdu, seq);
                }
            } else {
                Call c = call(tvb.subset(offset), pinfo, root, stream, ta, fwd, seq, false, 0);
                calledDissector = true;
                desegmentLen = c.desegmentLen;
                desegmentOffset = c.desegmentOffset;
                if (desegmentLen != 0) {
                    mustDesegment = true;
                    desegOffset = offset + desegmentOffset;
                }
            }

            if (completed != null) {
                byte[] pdu = assemble(fs, completed);
                if (pdu == null) {
                    limitReached(pinfo, tvb, offset, tcpTree, fs, completed);
                    return;
                }
                int pduLength = completed.assembledLength;
                Tvb next = Tvb.ofSource("Reassembled TCP", pdu, pduLength, pduLength);
                Call c = call(next, pinfo, root, stream, ta, fwd, completed.seq, true, completed.seenByApplication);
                calledDissector = true;
                desegmentLen = c.desegmentLen;
                desegmentOffset = c.desegmentOffset;
                if (desegmentLen != 0 && desegmentOffset == 0) {
                    // Still incomplete: keep collecting into the same MSP (partial reassembly).
                    completed.seenByApplication = pduLength;
                    extend(fs, completed, desegmentLen, Seq.add(seq, tvb.reportedLength() - offset),
                            Seq.add(seq, lastFragmentLen));
                    anotherPduFollows = 0;
                    offset += lastFragmentLen;
                    seq = Seq.add(seq, lastFragmentLen);
                    if (tvb.length() - offset > 0) {
                        continue;
                    }
                } else {
                    int n = anotherPduFollows > 0 ? anotherPduFollows : tvb.reportedLength() - offset;
                    segmentData(tcpTree, tvb, offset, n, "TCP segment data");
                    if (!tcpItem.isDiscarding()) {
                        segmentsTree(root, tcpItem, completed, next);
                    }
                    for (Fragment fr : completed.fragments) {
                        ReassembledIn.note(pinfo, f.reassembledIn, fr.frame(), frame);
                    }
                    finish(completed);
                    if (desegmentLen != 0) {
                        // The PDU ended inside the reassembled data; its tail starts the next one.
                        Msp rest = new Msp(Seq.add(completed.seq, desegmentOffset), 0, frame);
                        extend(fs, rest, desegmentLen, Seq.add(completed.seq, pduLength),
                                Seq.add(completed.seq, pduLength));
                        remember(fs, rest);
                        byte[] tail = java.util.Arrays.copyOfRange(pdu, desegmentOffset, pduLength);
                        if (!addFragment(fs, rest, frame, 0, Tvb.ofSource("Reassembled TCP", tail), 0, tail.length)) {
                            limitReached(pinfo, tvb, offset, tcpTree, fs, rest);
                            return;
                        }
                        desegmentOffset = 1; // something was dissected: keep the application's columns
                        desegOffset = offset + lastFragmentLen;
                    }
                }
            }

            if (mustDesegment) {
                long desegSeq = Seq.add(seq, desegOffset - offset);
                if (Seq.sub(nxtseq, desegSeq) <= MAX_FIRST_SEGMENT_SPAN) {
                    Msp m = new Msp(desegSeq, 0, frame);
                    extend(fs, m, desegmentLen, nxtseq, nxtseq);
                    if (desegmentOffset == 0) {
                        m.seenByApplication = (int) Seq.sub(nxtseq, desegSeq);
                    }
                    remember(fs, m);
                    if (!addFragment(fs, m, frame, 0, tvb, desegOffset, (int) Seq.sub(nxtseq, desegSeq))) {
                        limitReached(pinfo, tvb, desegOffset, tcpTree, fs, m);
                        return;
                    }
                }
            }

            if (!calledDissector || desegmentLen != 0) {
                if (desegmentOffset == 0) {
                    pinfo.columns().setProtocol("TCP");
                    pinfo.columns().appendInfoSep(" ", "[TCP segment of a reassembled PDU]");
                }
                ReassembledIn.show(pinfo, tcpTree, f.reassembledIn);
                int n = tvb.reportedLength() - desegOffset;
                segmentData(tcpTree, tvb, desegOffset, n, "TCP segment data");
            }
            if (anotherPduFollows > 0) {
                // Another PDU starts in this segment after the one just completed; tshark fences
                // the columns so the first PDU's summary stays visible.
                pinfo.columns().fenceInfo();
                offset += anotherPduFollows;
                seq = Seq.add(seq, anotherPduFollows);
                continue;
            }
            return;
        }
    }

    /**
     * Sets where an MSP ends after the application asked for {@code len} more bytes:
     * {@code end} is the sequence number after the bytes it has, {@code segmentEnd} after this
     * segment. "One more segment" ends one byte into the next segment and takes all of it.
     */
    private static void extend(FlowState fs, Msp msp, int len, long segmentEnd, long end) {
        if (len == PacketInfo.ONE_MORE_SEGMENT) {
            msp.nxtpdu = Seq.add(segmentEnd, 1);
            msp.entireSegment = true;
        } else if (len == PacketInfo.UNTIL_FIN) {
            fs.untilFin = true;
            msp.nxtpdu = Seq.add(segmentEnd, 0x7fffffff);
        } else {
            msp.nxtpdu = Seq.add(end, len);
        }
    }

    private Call call(Tvb payload, PacketInfo pinfo, TreeItem root, TcpStream stream, TcpAnalysis ta,
                      TcpFlow fwd, long seq, boolean reassembled, int seenBefore) {
        Call c = new Call();
        pinfo.clearDesegment();
        pinfo.setCanDesegment(true);
        pinfo.setSeenBefore(seenBefore);
        TcpInfo previous = pinfo.get(TcpInfo.class);
        if (previous != null) {
            pinfo.put(TcpInfo.class, previous.at(Seq.sub(seq, fwd.baseSeq), reassembled));
        }
        int layers = pinfo.layers().size();
        handoff.process(payload, pinfo, root, stream, ta);
        // A request outside the tvb or for a negative amount is a dissector bug: ignore it.
        boolean valid = pinfo.desegmentLen() > 0 && pinfo.desegmentOffset() >= 0
                && pinfo.desegmentOffset() <= payload.length();
        c.desegmentLen = valid ? pinfo.desegmentLen() : 0;
        c.desegmentOffset = valid ? pinfo.desegmentOffset() : 0;
        if (c.desegmentLen != 0 && c.desegmentOffset == 0) {
            // Nothing was dissected: as in tshark, the protocol is not listed in frame.protocols.
            pinfo.layers().subList(layers, pinfo.layers().size()).clear();
        }
        pinfo.clearDesegment();
        pinfo.setCanDesegment(false);
        pinfo.setSeenBefore(0);
        if (previous != null) {
            pinfo.put(TcpInfo.class, previous);
        }
        return c;
    }

    private boolean addFragment(FlowState fs, Msp msp, long frame, int pduOffset, Tvb tvb, int offset, int len) {
        int captured = Math.max(0, Math.min(len, tvb.length() - offset));
        long more = msp.heldWith(captured) - msp.bytes;
        if (fs.bytes() + more > maxPerStream || totalBytes + more > maxTotal) {
            return false;
        }
        msp.pending += captured;
        msp.fragments.add(new Fragment(frame, pduOffset, captured, tvb.bytes(offset, captured)));
        msp.coveredEnd = msp.coveredEnd >= pduOffset ? Math.max(msp.coveredEnd, pduOffset + captured) : -1;
        count(msp);
        return true;
    }

    private void limitReached(PacketInfo pinfo, Tvb tvb, int offset, TreeItem tcpTree, FlowState fs, Msp msp) {
        totalBytes -= msp.bytes;
        msp.bytes = 0;
        msp.clearFragments();
        fs.msps.remove(msp);
        int n = tvb.reportedLength() - offset;
        TreeItem item = segmentData(tcpTree, tvb, offset, n, "TCP segment data");
        expert.add(item, f.eiReassemblyLimit, tvb, offset, n);
        pinfo.columns().appendInfoSep(" ", "[TCP segment of a reassembled PDU]");
    }

    /** The tcp.segment_data item of {@code n} bytes at {@code offset}, labelled "{@code what} (n bytes)". */
    private TreeItem segmentData(TreeItem tcpTree, Tvb tvb, int offset, int n, String what) {
        if (tcpTree.isDiscarding()) {
            return tcpTree; // no copy of the bytes nobody reads
        }
        byte[] captured = tvb.bytes(offset, Math.max(0, Math.min(n, tvb.length() - offset)));
        return tcpTree.add(f.segmentData, tvb, offset, n, captured)
                .setText(what + " (" + n + " byte" + (n == 1 ? "" : "s") + ")");
    }

    /**
     * The MSP data has no holes up to its last fragment. Fragments that came in order say so at
     * once: a PDU that grows a segment at a time (a line without its end) is asked this with every
     * segment, and sorting its thousands of fragments each time made it quadratic.
     */
    private static boolean contiguous(Msp msp) {
        if (msp.coveredEnd >= 0) {
            return true;
        }
        List<Fragment> sorted = new ArrayList<>(msp.fragments);
        sorted.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        int end = 0;
        for (Fragment fr : sorted) {
            if (fr.offset() > end) {
                return false;
            }
            end = Math.max(end, fr.end());
        }
        msp.coveredEnd = end;
        return true;
    }

    /**
     * The MSP's bytes, {@code [0, msp.assembledLength)} of the array returned, where the first copy
     * of overlapping bytes wins; null when the array would take the direction or the capture past
     * its cap. Only the fragments added since the last call are written, and only beyond what that
     * call assembled: the MSP was contiguous then, so every byte before that length came from an
     * earlier fragment, which wins. Earlier views of the array keep their bytes. The fragments
     * written drop their copies, which the array now holds.
     */
    private byte[] assemble(FlowState fs, Msp msp) {
        int total = msp.assembledLength;
        for (int i = msp.assembledFragments; i < msp.fragments.size(); i++) {
            total = Math.max(total, msp.fragments.get(i).end());
        }
        byte[] out = msp.assembled;
        int capacity = out == null ? 0 : out.length;
        if (capacity < total) {
            // The largest array the caps allow, the fragments' copies being dropped.
            long most = msp.bytes + Math.min(maxPerStream - fs.bytes(), maxTotal - totalBytes);
            if (total > most) {
                return null;
            }
            // A PDU that grew once may well grow again: room for as much again, or what the caps
            // allow (growing by a segment at a time near a cap would copy the PDU with each one).
            long room = out == null ? total
                    : Math.min(Integer.MAX_VALUE - 8, Math.max(total, Math.min(2L * capacity, most)));
            byte[] grown = new byte[(int) room];
            if (out != null) {
                System.arraycopy(out, 0, grown, 0, msp.assembledLength);
            }
            out = grown;
        }

        int done = msp.assembledLength;
        // Later fragments are written first so that the first copy of overlapping bytes wins.
        for (int i = msp.fragments.size() - 1; i >= msp.assembledFragments; i--) {
            Fragment fr = msp.fragments.get(i);
            int from = Math.max(fr.offset(), done);
            int to = fr.end();
            if (from < to) {
                System.arraycopy(fr.data(), from - fr.offset(), out, from, to - from);
            }
            msp.fragments.set(i, fr.withoutData());
        }
        msp.pending = 0;
        msp.assembled = out;
        msp.assembledLength = total;
        msp.assembledFragments = msp.fragments.size();
        count(msp);
        return out;
    }

    /** Brings the caps' counts up to what {@code msp} holds now. */
    private void count(Msp msp) {
        long held = msp.held();
        totalBytes += held - msp.bytes;
        msp.bytes = held;
    }

    /** The "[N Reassembled TCP Segments (L bytes): #a(x), #b(y)]" tree, right behind the TCP tree. */
    private void segmentsTree(TreeItem root, TreeItem tcpItem, Msp msp, Tvb pdu) {
        int total = pdu.length();
        TreeItem st = root.add(f.segments, pdu, 0, total);
        // The frames are appended text (show_fragment): a long list is cut, not marked as truncated.
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < msp.fragments.size(); i++) {
            Fragment fr = msp.fragments.get(i);
            int n = fr.length();
            if (i > 0) {
                list.append(", ");
            }
            list.append('#').append(fr.frame()).append('(').append(n).append(')');
            String range = n == 0 ? "no data" : fr.offset() + "-" + (fr.offset() + n - 1);
            st.add(f.segment, pdu, fr.offset(), n, fr.frame())
                    .setText("Frame: " + fr.frame() + ", payload: " + range + " (" + n + " byte" + (n == 1 ? "" : "s") + ")")
                    .generated();
        }
        st.setText(msp.fragments.size() + " Reassembled TCP Segments (" + total + " bytes): ").appendText(list.toString())
                .generated();
        st.add(f.segmentCount, pdu, 0, 0, msp.fragments.size()).generated();
        st.add(f.reassembledLength, pdu, 0, 0, total).generated();
        st.add(f.reassembledData, pdu, 0, total, pdu.bytes()).generated();
        root.moveChildAfter(st, tcpItem);
    }

    /** Marks an MSP reassembled and frees its bytes, keeping its bounds to spot retransmissions. */
    private void finish(Msp msp) {
        msp.done = true;
        totalBytes -= msp.bytes;
        msp.bytes = 0;
        msp.clearFragments();
    }

    private static void remember(FlowState fs, Msp msp) {
        fs.msps.addLast(msp);
        while (fs.msps.size() > KEPT_MSPS) {
            Msp old = fs.msps.peekFirst();
            if (!old.done) {
                break;
            }
            fs.msps.removeFirst();
        }
    }

    private static Msp exact(FlowState fs, long seq) {
        for (Msp m : fs.msps) {
            if (m.seq == seq) {
                return m;
            }
        }
        return null;
    }

    /** The MSP starting closest before {@code seq} (wmem_tree_lookup32_le(seq - 1)). */
    private static Msp before(FlowState fs, long seq) {
        Msp best = null;
        long bestDistance = Long.MAX_VALUE;
        long target = Seq.sub(seq, 1);
        for (Msp m : fs.msps) {
            if (Seq.le(m.seq, target)) {
                long d = Seq.sub(target, m.seq);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = m;
                }
            }
        }
        return best;
    }
}
