package io.jdissect.protocols.tcp;

import io.jdissect.api.Base;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;

import java.util.Map;

/**
 * The fields and expert items of TCP, declared as tshark 4.0 declares them ({@code -G fields}):
 * same abbreviations, names, types, bases and masks, in the same order.
 */
final class TcpFields {
    final ProtocolDef proto;
    final FieldDef srcport;
    final FieldDef dstport;
    final FieldDef port;
    final FieldDef stream;
    final FieldDef completeness;
    final FieldDef seq;
    final FieldDef seqRaw;
    final FieldDef nxtseq;
    final FieldDef ack;
    final FieldDef ackRaw;
    final FieldDef hdrLen;
    final FieldDef flags;
    final FieldDef flagsRes;
    final FieldDef flagsAe;
    final FieldDef flagsCwr;
    final FieldDef flagsEce;
    final FieldDef flagsUrg;
    final FieldDef flagsAck;
    final FieldDef flagsPush;
    final FieldDef flagsReset;
    final FieldDef flagsSyn;
    final FieldDef flagsFin;
    final FieldDef flagsStr;
    final FieldDef windowSizeValue;
    final FieldDef windowSize;
    final FieldDef windowScalefactor;
    final FieldDef checksum;
    final FieldDef checksumStatus;
    final FieldDef analysis;
    final FieldDef analysisFlags;
    final FieldDef duplicateAck;
    final FieldDef duplicateAckNum;
    final FieldDef duplicateAckFrame;
    final FieldDef len;
    final FieldDef acksFrame;
    final FieldDef bytesInFlight;
    final FieldDef pushBytesSent;
    final FieldDef ackRtt;
    final FieldDef initialRtt;
    final FieldDef rto;
    final FieldDef rtoFrame;
    final FieldDef urgentPointer;
    final FieldDef segmentCount;
    final FieldDef segment;
    final FieldDef segments;
    final FieldDef reassembledIn;
    final FieldDef reassembledLength;
    final FieldDef reassembledData;
    final FieldDef optionKind;
    final FieldDef optionLen;
    final FieldDef options;
    final FieldDef mssVal;
    final FieldDef wscaleShift;
    final FieldDef wscaleMultiplier;
    final FieldDef unknownPayload;
    final FieldDef sackLe;
    final FieldDef sackRe;
    final FieldDef sackCount;
    final FieldDef tsval;
    final FieldDef tsecr;
    final FieldDef timeRelative;
    final FieldDef timeDelta;
    final FieldDef segmentData;
    final FieldDef payload;
    // option items (FT_BYTES, one subtree per option)
    final FieldDef optEol;
    final FieldDef optNop;
    final FieldDef optMss;
    final FieldDef optWscale;
    final FieldDef optSackPerm;
    final FieldDef optSack;
    final FieldDef optTimestamp;
    final FieldDef optUnknown;
    final FieldDef reassemblyLimit;

    // expert findings
    final Expert.Def eiOptLenInvalid;
    final Expert.Def eiRetransmission;
    final Expert.Def eiFastRetransmission;
    final Expert.Def eiSpuriousRetransmission;
    final Expert.Def eiOutOfOrder;
    final Expert.Def eiReusedPorts;
    final Expert.Def eiLostSegment;
    final Expert.Def eiAckLostSegment;
    final Expert.Def eiWindowUpdate;
    final Expert.Def eiWindowFull;
    final Expert.Def eiKeepAlive;
    final Expert.Def eiKeepAliveAck;
    final Expert.Def eiDuplicateAck;
    final Expert.Def eiZeroWindowProbe;
    final Expert.Def eiZeroWindow;
    final Expert.Def eiZeroWindowProbeAck;
    final Expert.Def eiFinActive;
    final Expert.Def eiFinPassive;
    final Expert.Def eiWscaleShiftInvalid;
    final Expert.Def eiAckNonzero;
    final Expert.Def eiSynack;
    final Expert.Def eiSyn;
    final Expert.Def eiFin;
    final Expert.Def eiRst;
    final Expert.Def eiUrgentPointerNonZero;
    final Expert.Def eiBogusHeaderLength;
    final Expert.Def eiShortSegment;
    final Expert.Def eiReassemblyLimit;
    final Expert.Def eiStreamEvicted;

    private final FieldRegistry f;

    TcpFields(DissectorRegistry registry) {
        f = registry.fields();
        proto = f.protocol("Transmission Control Protocol", "TCP", "tcp");
        srcport = f.field(proto, "tcp.srcport", "Source Port", FieldType.FT_UINT16).register();
        dstport = f.field(proto, "tcp.dstport", "Destination Port", FieldType.FT_UINT16).register();
        port = f.field(proto, "tcp.port", "Source or Destination Port", FieldType.FT_UINT16).register();
        stream = f.field(proto, "tcp.stream", "Stream index", FieldType.FT_UINT32).register();
        completeness = f.field(proto, "tcp.completeness", "Conversation completeness", FieldType.FT_UINT8)
                .blurb("The completeness of the conversation capture").register();
        seq = f.field(proto, "tcp.seq", "Sequence Number", FieldType.FT_UINT32).register();
        seqRaw = f.field(proto, "tcp.seq_raw", "Sequence Number (raw)", FieldType.FT_UINT32)
                .blurb("This shows the raw value of the sequence number").register();
        nxtseq = f.field(proto, "tcp.nxtseq", "Next Sequence Number", FieldType.FT_UINT32).register();
        ack = f.field(proto, "tcp.ack", "Acknowledgment Number", FieldType.FT_UINT32).register();
        ackRaw = f.field(proto, "tcp.ack_raw", "Acknowledgment number (raw)", FieldType.FT_UINT32)
                .blurb("This shows the raw value of the acknowledgment number").register();
        hdrLen = f.field(proto, "tcp.hdr_len", "Header Length", FieldType.FT_UINT8)
                .blurb("Data offset in 32-bit words").register();
        flags = f.field(proto, "tcp.flags", "Flags", FieldType.FT_UINT16).hex().mask(0xfff)
                .blurb("Flags (12 bits)").register();
        flagsRes = flag("tcp.flags.res", "Reserved", 0xe00, "Three reserved bits (must be zero)");
        flagsAe = flag("tcp.flags.ae", "Accurate ECN", 0x100, null);
        flagsCwr = flag("tcp.flags.cwr", "Congestion Window Reduced", 0x80, null);
        flagsEce = flag("tcp.flags.ece", "ECN-Echo", 0x40, null);
        f.field(proto, "tcp.flags.ace", "ACE", FieldType.FT_UINT8).register();
        flagsUrg = flag("tcp.flags.urg", "Urgent", 0x20, null);
        flagsAck = flag("tcp.flags.ack", "Acknowledgment", 0x10, null);
        flagsPush = flag("tcp.flags.push", "Push", 0x8, null);
        flagsReset = flag("tcp.flags.reset", "Reset", 0x4, null);
        flagsSyn = flag("tcp.flags.syn", "Syn", 0x2, null);
        flagsFin = flag("tcp.flags.fin", "Fin", 0x1, null);
        flagsStr = f.field(proto, "tcp.flags.str", "TCP Flags", FieldType.FT_STRING).register();
        windowSizeValue = f.field(proto, "tcp.window_size_value", "Window", FieldType.FT_UINT16)
                .blurb("The window size value from the TCP header").register();
        windowSize = f.field(proto, "tcp.window_size", "Calculated window size", FieldType.FT_UINT32)
                .blurb("The scaled window size (if scaling has been used)").register();
        windowScalefactor = f.field(proto, "tcp.window_size_scalefactor", "Window size scaling factor",
                FieldType.FT_INT32).blurb("The window size scaling factor (-1 when unknown, -2 when no scaling is used)")
                .register();
        checksum = f.field(proto, "tcp.checksum", "Checksum", FieldType.FT_UINT16).hex()
                .blurb("Details at: https://www.wireshark.org/docs/wsug_html_chunked/ChAdvChecksums.html").register();
        checksumStatus = f.field(proto, "tcp.checksum.status", "Checksum Status", FieldType.FT_UINT8)
                .base(Base.NONE).values(Map.of(0L, "Bad", 1L, "Good", 2L, "Unverified")).register();
        f.field(proto, "tcp.checksum_calculated", "Calculated Checksum", FieldType.FT_UINT16).hex()
                .blurb("The expected TCP checksum field as calculated from the TCP segment").register();
        analysis = none("tcp.analysis", "SEQ/ACK analysis", "This frame has some of the TCP analysis shown");
        analysisFlags = none("tcp.analysis.flags", "TCP Analysis Flags", "This frame has some of the TCP analysis flags set");
        duplicateAck = none("tcp.analysis.duplicate_ack", "Duplicate ACK", "This is a duplicate ACK");
        duplicateAckNum = f.field(proto, "tcp.analysis.duplicate_ack_num", "Duplicate ACK #", FieldType.FT_UINT32)
                .blurb("This is duplicate ACK number #").register();
        duplicateAckFrame = frame("tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame",
                "This is a duplicate to the ACK in frame #");
        frame("tcp.continuation_to", "This is a continuation to the PDU in frame",
                "This is a continuation to the PDU in frame #");
        len = f.field(proto, "tcp.len", "TCP Segment Len", FieldType.FT_UINT32).register();
        acksFrame = frame("tcp.analysis.acks_frame", "This is an ACK to the segment in frame",
                "Which previous segment is this an ACK for");
        bytesInFlight = f.field(proto, "tcp.analysis.bytes_in_flight", "Bytes in flight", FieldType.FT_UINT32)
                .blurb("How many bytes are now in flight for this connection").register();
        pushBytesSent = f.field(proto, "tcp.analysis.push_bytes_sent", "Bytes sent since last PSH flag",
                FieldType.FT_UINT32).blurb("How many bytes have been sent since the last PSH flag").register();
        ackRtt = time("tcp.analysis.ack_rtt", "The RTT to ACK the segment was",
                "How long time it took to ACK the segment (RTT)");
        initialRtt = time("tcp.analysis.initial_rtt", "iRTT", "How long it took for the SYN to ACK handshake (iRTT)");
        rto = time("tcp.analysis.rto", "The RTO for this segment was",
                "How long transmission was delayed before this segment was retransmitted (RTO)");
        rtoFrame = frame("tcp.analysis.rto_frame", "RTO based on delta from frame",
                "This is the frame we measure the RTO from");
        urgentPointer = f.field(proto, "tcp.urgent_pointer", "Urgent Pointer", FieldType.FT_UINT16).register();
        f.field(proto, "tcp.segment.overlap", "Segment overlap", FieldType.FT_BOOLEAN)
                .blurb("Segment overlaps with other segments").register();
        f.field(proto, "tcp.segment.overlap.conflict", "Conflicting data in segment overlap", FieldType.FT_BOOLEAN)
                .blurb("Overlapping segments contained conflicting data").register();
        f.field(proto, "tcp.segment.multipletails", "Multiple tail segments found", FieldType.FT_BOOLEAN)
                .blurb("Several tails were found when reassembling the pdu").register();
        f.field(proto, "tcp.segment.toolongfragment", "Segment too long", FieldType.FT_BOOLEAN)
                .blurb("Segment contained data past end of the pdu").register();
        frame("tcp.segment.error", "Reassembling error", "Reassembling error due to illegal segments");
        segmentCount = f.field(proto, "tcp.segment.count", "Segment count", FieldType.FT_UINT32).register();
        segment = frame("tcp.segment", "TCP Segment", null);
        segments = none("tcp.segments", "Reassembled TCP Segments", "TCP Segments");
        reassembledIn = frame("tcp.reassembled_in", "Reassembled PDU in frame",
                "The PDU that doesn't end in this segment is reassembled in this frame");
        reassembledLength = f.field(proto, "tcp.reassembled.length", "Reassembled TCP length", FieldType.FT_UINT32)
                .blurb("The total length of the reassembled payload").register();
        reassembledData = f.field(proto, "tcp.reassembled.data", "Reassembled TCP Data", FieldType.FT_BYTES)
                .blurb("The reassembled payload").register();
        optionKind = f.field(proto, "tcp.option_kind", "Kind", FieldType.FT_UINT8).values(TcpOptions.KIND_NAMES)
                .blurb("This TCP option's kind").register();
        optionLen = f.field(proto, "tcp.option_len", "Length", FieldType.FT_UINT8)
                .blurb("Length of this TCP option in bytes (including kind and length fields)").register();
        options = f.field(proto, "tcp.options", "TCP Options", FieldType.FT_BYTES).register();
        mssVal = f.field(proto, "tcp.options.mss_val", "MSS Value", FieldType.FT_UINT16).register();
        wscaleShift = f.field(proto, "tcp.options.wscale.shift", "Shift count", FieldType.FT_UINT8)
                .blurb("Logarithmically encoded power of 2 scale factor").register();
        wscaleMultiplier = f.field(proto, "tcp.options.wscale.multiplier", "Multiplier", FieldType.FT_UINT16)
                .blurb("Multiply segment window size by this for scaled window size").register();
        unknownPayload = f.field(proto, "tcp.options.unknown.payload", "Payload", FieldType.FT_BYTES).register();
        sackLe = f.field(proto, "tcp.options.sack_le", "TCP SACK Left Edge", FieldType.FT_UINT32).register();
        sackRe = f.field(proto, "tcp.options.sack_re", "TCP SACK Right Edge", FieldType.FT_UINT32).register();
        sackCount = f.field(proto, "tcp.options.sack.count", "TCP SACK Count", FieldType.FT_UINT8).register();
        tsval = f.field(proto, "tcp.options.timestamp.tsval", "Timestamp value", FieldType.FT_UINT32)
                .blurb("Value of sending machine's timestamp clock").register();
        tsecr = f.field(proto, "tcp.options.timestamp.tsecr", "Timestamp echo reply", FieldType.FT_UINT32)
                .blurb("Echoed timestamp from remote machine").register();
        timeRelative = time("tcp.time_relative", "Time since first frame in this TCP stream",
                "Time relative to first frame in this TCP stream");
        timeDelta = time("tcp.time_delta", "Time since previous frame in this TCP stream",
                "Time delta from previous frame in this TCP stream");
        segmentData = f.field(proto, "tcp.segment_data", "TCP segment data", FieldType.FT_BYTES)
                .blurb("A data segment used in reassembly of a lower-level protocol").register();
        payload = f.field(proto, "tcp.payload", "TCP payload", FieldType.FT_BYTES)
                .blurb("The TCP payload of this packet").register();
        optEol = bytes("tcp.options.eol", "TCP Option - End of Option List (EOL)");
        optNop = bytes("tcp.options.nop", "TCP Option - No-Operation (NOP)");
        optMss = bytes("tcp.options.mss", "TCP Option - Maximum segment size");
        optWscale = bytes("tcp.options.wscale", "TCP Option - Window scale");
        optSackPerm = bytes("tcp.options.sack_perm", "TCP Option - SACK permitted");
        optSack = bytes("tcp.options.sack", "TCP Option - SACK");
        optTimestamp = bytes("tcp.options.timestamp", "TCP Option - Timestamps");
        optUnknown = bytes("tcp.options.unknown", "TCP Option - Unknown");
        reassemblyLimit = f.field(proto, "tcp.jdissect.reassembly_limit", "Reassembly limit reached", FieldType.FT_NONE)
                .blurb("jdissect: a PDU was not reassembled because a memory cap was reached").register();

        eiOptLenInvalid = ei(registry, "tcp.option.len.invalid", "Invalid length for option", Expert.Severity.ERROR, Expert.Group.PROTOCOL);
        eiRetransmission = ei(registry, "tcp.analysis.retransmission", "This frame is a (suspected) retransmission", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiFastRetransmission = ei(registry, "tcp.analysis.fast_retransmission", "This frame is a (suspected) fast retransmission", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiSpuriousRetransmission = ei(registry, "tcp.analysis.spurious_retransmission", "This frame is a (suspected) spurious retransmission", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiOutOfOrder = ei(registry, "tcp.analysis.out_of_order", "This frame is a (suspected) out-of-order segment", Expert.Severity.WARNING, Expert.Group.SEQUENCE);
        eiReusedPorts = ei(registry, "tcp.analysis.reused_ports", "A new tcp session is started with the same ports as an earlier session in this trace", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiLostSegment = ei(registry, "tcp.analysis.lost_segment", "Previous segment(s) not captured (common at capture start)", Expert.Severity.WARNING, Expert.Group.SEQUENCE);
        eiAckLostSegment = ei(registry, "tcp.analysis.ack_lost_segment", "ACKed segment that wasn't captured (common at capture start)", Expert.Severity.WARNING, Expert.Group.SEQUENCE);
        eiWindowUpdate = ei(registry, "tcp.analysis.window_update", "TCP window update", Expert.Severity.CHAT, Expert.Group.SEQUENCE);
        eiWindowFull = ei(registry, "tcp.analysis.window_full", "TCP window specified by the receiver is now completely full", Expert.Severity.WARNING, Expert.Group.SEQUENCE);
        eiKeepAlive = ei(registry, "tcp.analysis.keep_alive", "TCP keep-alive segment", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiKeepAliveAck = ei(registry, "tcp.analysis.keep_alive_ack", "ACK to a TCP keep-alive segment", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiDuplicateAck = ei(registry, "tcp.analysis.duplicate_ack", "Duplicate ACK", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiZeroWindowProbe = ei(registry, "tcp.analysis.zero_window_probe", "TCP Zero Window Probe", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiZeroWindow = ei(registry, "tcp.analysis.zero_window", "TCP Zero Window segment", Expert.Severity.WARNING, Expert.Group.SEQUENCE);
        eiZeroWindowProbeAck = ei(registry, "tcp.analysis.zero_window_probe_ack", "ACK to a TCP Zero Window Probe", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiFinActive = ei(registry, "tcp.connection.fin_active", "This frame initiates the connection closing", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiFinPassive = ei(registry, "tcp.connection.fin_passive", "This frame undergoes the connection closing", Expert.Severity.NOTE, Expert.Group.SEQUENCE);
        eiWscaleShiftInvalid = ei(registry, "tcp.options.wscale.shift.invalid", "Window scale shift exceeds 14", Expert.Severity.WARNING, Expert.Group.PROTOCOL);
        eiAckNonzero = ei(registry, "tcp.ack.nonzero", "The acknowledgment number field is nonzero while the ACK flag is not set", Expert.Severity.NOTE, Expert.Group.PROTOCOL);
        eiSynack = ei(registry, "tcp.connection.synack", "Connection establish acknowledge (SYN+ACK)", Expert.Severity.CHAT, Expert.Group.SEQUENCE);
        eiSyn = ei(registry, "tcp.connection.syn", "Connection establish request (SYN)", Expert.Severity.CHAT, Expert.Group.SEQUENCE);
        eiFin = ei(registry, "tcp.connection.fin", "Connection finish (FIN)", Expert.Severity.CHAT, Expert.Group.SEQUENCE);
        eiRst = ei(registry, "tcp.connection.rst", "Connection reset (RST)", Expert.Severity.WARNING, Expert.Group.SEQUENCE);
        eiUrgentPointerNonZero = ei(registry, "tcp.urgent_pointer.non_zero", "The urgent pointer field is nonzero while the URG flag is not set", Expert.Severity.NOTE, Expert.Group.PROTOCOL);
        eiBogusHeaderLength = ei(registry, "tcp.bogus_header_length", "Bogus TCP Header length", Expert.Severity.ERROR, Expert.Group.PROTOCOL);
        eiShortSegment = ei(registry, "tcp.short_segment", "Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)", Expert.Severity.WARNING, Expert.Group.MALFORMED);
        eiReassemblyLimit = new Expert.Def(reassemblyLimit,
                "Reassembly limit reached: PDU not reassembled (see tcp.jdissect.max_reassembly_bytes)",
                Expert.Severity.WARNING, Expert.Group.REASSEMBLE);
        eiStreamEvicted = ei(registry, "tcp.jdissect.stream_evicted",
                "Connection state was evicted (see tcp.jdissect.max_streams): analysis and reassembly start over",
                Expert.Severity.NOTE, Expert.Group.SEQUENCE);
    }

    private FieldDef flag(String abbrev, String name, int mask, String blurb) {
        return f.field(proto, abbrev, name, FieldType.FT_BOOLEAN).mask(mask, 12).blurb(blurb)
                .trueFalse("Set", "Not set").register();
    }

    private FieldDef none(String abbrev, String name, String blurb) {
        return f.field(proto, abbrev, name, FieldType.FT_NONE).blurb(blurb).register();
    }

    private FieldDef frame(String abbrev, String name, String blurb) {
        return f.field(proto, abbrev, name, FieldType.FT_FRAMENUM).base(Base.NONE).blurb(blurb).register();
    }

    private FieldDef time(String abbrev, String name, String blurb) {
        return f.field(proto, abbrev, name, FieldType.FT_RELATIVE_TIME).blurb(blurb).register();
    }

    private FieldDef bytes(String abbrev, String name) {
        return f.field(proto, abbrev, name, FieldType.FT_BYTES).register();
    }

    private static Expert.Def ei(DissectorRegistry registry, String abbrev, String summary, Expert.Severity severity,
                                 Expert.Group group) {
        return registry.expert(registry.fields().lookupProtocol("tcp"), abbrev, summary, severity, group);
    }
}
