package io.jdissect.protocols.ip;

import io.jdissect.api.Address;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.FirstPassNotes;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.dissect.reassembly.FragmentLimits;
import io.jdissect.dissect.reassembly.FragmentTable;
import io.jdissect.dissect.reassembly.FragmentTree;
import io.jdissect.dissect.reassembly.Reassembled;
import io.jdissect.dissect.reassembly.ReassembledIn;
import io.jdissect.kaitai.Ipv4Header;

import java.util.Map;

/**
 * IPv4 (RFC 791, packet-ip.c): the header with tshark's fields and labels, then the payload to the
 * protocol registered in the {@code ip.proto} table (data if none). Checksums are not verified,
 * as tshark's default ({@code ip.checksum.status} 2, "Unverified"). Returns the datagram's total
 * length so that the link layer can show what follows as padding or trailer.
 */
final class Ipv4Dissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int MIN_HEADER = 20;

    private static final Map<Long, String> CHECKSUM_STATUS = Map.of(
            0L, "Bad", 1L, "Good", 2L, "Unverified", 3L, "Not present", 4L, "Illegal");
    private static final long UNVERIFIED = 2;

    private record FragmentKey(long src, long dst, int protocol, int id) {
    }

    private final ProtocolDef proto;
    private final FieldDef version;
    private final FieldDef hdrLen;
    private final FieldDef dsfield;
    private final FieldDef dscp;
    private final FieldDef ecn;
    private final FieldDef len;
    private final FieldDef id;
    private final FieldDef dst;
    private final FieldDef dstHost;
    private final FieldDef src;
    private final FieldDef srcHost;
    private final FieldDef addr;
    private final FieldDef host;
    private final FieldDef flags;
    private final FieldDef flagRb;
    private final FieldDef flagDf;
    private final FieldDef flagMf;
    private final FieldDef fragOffset;
    private final FieldDef ttl;
    private final FieldDef protocol;
    private final FieldDef checksum;
    private final FieldDef checksumStatus;
    private final Ipv4Options options;
    private final FragmentTree.Fields fragmentFields;
    /** IPv4 datagrams being defragmented, by RFC 791's (source, destination, protocol, id). */
    private final FragmentTable<FragmentKey> fragments = new FragmentTable<>(0, 0);
    private final FragmentLimits fragmentLimits;
    private final Expert.Def bogusHeaderLength;
    private final Expert.Def bogusLength;
    private final Expert expert;
    private final DissectorHandle handle;
    private DissectorTable ipProto;
    private DissectorHandle data;
    private final FieldDef reassembledIn;

    Ipv4Dissector(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Internet Protocol Version 4", "IPv4", "ip");
        version = f.field(proto, "ip.version", "Version", FieldType.FT_UINT8).register();
        hdrLen = f.field(proto, "ip.hdr_len", "Header Length", FieldType.FT_UINT8)
                .blurb("Header length in 32-bit words").register();
        dsfield = f.field(proto, "ip.dsfield", "Differentiated Services Field", FieldType.FT_UINT8).hex().register();
        dscp = f.field(proto, "ip.dsfield.dscp", "Differentiated Services Codepoint", FieldType.FT_UINT8)
                .mask(0xfc, 8).values(TrafficClass.DSCP).register();
        ecn = f.field(proto, "ip.dsfield.ecn", "Explicit Congestion Notification", FieldType.FT_UINT8)
                .mask(0x03, 8).values(TrafficClass.ECN).register();
        len = f.field(proto, "ip.len", "Total Length", FieldType.FT_UINT16).register();
        id = f.field(proto, "ip.id", "Identification", FieldType.FT_UINT16).base(io.jdissect.api.Base.BASE_HEX_DEC).register();
        dst = f.field(proto, "ip.dst", "Destination Address", FieldType.FT_IPv4).register();
        dstHost = f.field(proto, "ip.dst_host", "Destination Host", FieldType.FT_STRING).register();
        src = f.field(proto, "ip.src", "Source Address", FieldType.FT_IPv4).register();
        srcHost = f.field(proto, "ip.src_host", "Source Host", FieldType.FT_STRING).register();
        addr = f.field(proto, "ip.addr", "Source or Destination Address", FieldType.FT_IPv4).register();
        host = f.field(proto, "ip.host", "Source or Destination Host", FieldType.FT_STRING).register();
        flags = f.field(proto, "ip.flags", "Flags", FieldType.FT_UINT8).hex().mask(0xe0, 8).blurb("Flags (3 bits)").register();
        flagRb = f.field(proto, "ip.flags.rb", "Reserved bit", FieldType.FT_BOOLEAN).mask(0x80, 8)
                .trueFalse("Set", "Not set").register();
        flagDf = f.field(proto, "ip.flags.df", "Don't fragment", FieldType.FT_BOOLEAN).mask(0x40, 8)
                .trueFalse("Set", "Not set").register();
        flagMf = f.field(proto, "ip.flags.mf", "More fragments", FieldType.FT_BOOLEAN).mask(0x20, 8)
                .trueFalse("Set", "Not set").register();
        fragOffset = f.field(proto, "ip.frag_offset", "Fragment Offset", FieldType.FT_UINT16).mask(0x1fff, 16)
                .blurb("Fragment offset (13 bits)").register();
        ttl = f.field(proto, "ip.ttl", "Time to Live", FieldType.FT_UINT8).register();
        protocol = f.field(proto, "ip.proto", "Protocol", FieldType.FT_UINT8).values(IpProtocols.LABELS).register();
        checksum = f.field(proto, "ip.checksum", "Header Checksum", FieldType.FT_UINT16).hex().register();
        checksumStatus = f.field(proto, "ip.checksum.status", "Header checksum status", FieldType.FT_UINT8)
                .base(io.jdissect.api.Base.NONE).values(CHECKSUM_STATUS).register();
        options = new Ipv4Options(f, proto);
        FieldDef count = f.field(proto, "ip.fragment.count", "Fragment count", FieldType.FT_UINT32).register();
        FieldDef fragment = f.field(proto, "ip.fragment", "IPv4 Fragment", FieldType.FT_FRAMENUM).register();
        FieldDef all = f.field(proto, "ip.fragments", "IPv4 Fragments", FieldType.FT_BYTES).register();
        reassembledIn = f.field(proto, "ip.reassembled_in", "Reassembled IPv4 in frame", FieldType.FT_FRAMENUM)
                .blurb("This IPv4 packet is reassembled in this frame").register();
        FieldDef length = f.field(proto, "ip.reassembled.length", "Reassembled IPv4 length", FieldType.FT_UINT32)
                .blurb("The total length of the reassembled payload").register();
        FieldDef data = f.field(proto, "ip.reassembled.data", "Reassembled IPv4 data", FieldType.FT_BYTES)
                .blurb("The reassembled payload").register();
        fragmentFields = new FragmentTree.Fields(all, fragment, count, length, data, "IPv4 Fragments");
        bogusHeaderLength = registry.expert(proto, "ip.bogus_header_length", "Bogus IP header length",
                Expert.Severity.ERROR, Expert.Group.PROTOCOL);
        bogusLength = registry.expert(proto, "ip.bogus_ip_length", "Bogus IP length", Expert.Severity.ERROR,
                Expert.Group.PROTOCOL);
        expert = registry.expert();
        fragmentLimits = new FragmentLimits(registry, proto, "ip");
        handle = registry.register("ip", proto, this::dissect);
    }

    DissectorHandle handle() {
        return handle;
    }

    void handoff(DissectorRegistry registry) {
        ipProto = registry.table(DissectorRegistry.IP_PROTO);
        data = registry.handle("data");
        fragmentLimits.apply(registry, fragments);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("IPv4");
        pinfo.columns().clearInfo();
        Ipv4Header h = new Ipv4Header(KaitaiTvb.stream(headerIo, tvb, 0, MIN_HEADER));
        int headerLen = h.ihl() * 4;
        int totalLen = h.totalLength();
        Address srcAddr = address(h.src());
        Address dstAddr = address(h.dst());
        // The addresses join the title only once the lengths proved sane, as in tshark.
        // Nothing reads IPv4's items (a filter on SMTP only, say): none is made, nor their text.
        TreeItem ip = pinfo.addIfWanted(tree, proto.field(), tvb, 0, Math.max(headerLen, MIN_HEADER))
                .setText(proto.name());
        // The header's items only when IPv4's tree is kept: their lazy labels are objects of their own.
        boolean items = !ip.isDiscarding();
        TreeItem hdrLenItem = items ? versionItems(ip, tvb, h, headerLen) : ip;
        if (headerLen < MIN_HEADER) {
            // RFC 791: IHL is at least 5; tshark stops here.
            String problem = "Bogus IP header length (" + headerLen + ", must be at least " + MIN_HEADER + ")";
            expert.add(hdrLenItem, bogusHeaderLength, tvb, 0, 1, problem);
            pinfo.columns().setInfo(problem);
            return tvb.reportedLength();
        }
        if (items) {
            int tos = tvb.u8(1);
            TreeItem ds = ip.add(dsfield, tvb, 1, 1, tos)
                    .setText(() -> "Differentiated Services Field: " + TrafficClass.summary(tos));
            ds.add(dscp, tvb, 1, 1, h.dscp());
            ds.add(ecn, tvb, 1, 1, h.ecn());
        }
        TreeItem lenItem = ip.add(len, tvb, 2, 2, totalLen);
        if (totalLen != 0 && totalLen < headerLen) {
            lenItem.setText("Total Length: " + totalLen + " bytes (bogus, less than header length " + headerLen + ")");
            expert.add(lenItem, bogusLength, tvb, 2, 2);
            pinfo.columns().setInfo("Bogus IP length (" + totalLen + ", less than header length " + headerLen + ")");
            return tvb.reportedLength();
        }
        if (totalLen > tvb.reportedLength() && pinfo.get(InErrorPacket.class) == null) {
            // Not in a datagram an ICMP error quotes, whose rest is expected to be missing.
            expert.add(lenItem, bogusLength, tvb, 2, 2,
                    "IPv4 total length exceeds packet length (" + tvb.reportedLength() + " bytes)");
        }
        if (items) {
            restOfHeaderItems(ip, tvb, h);
        }
        pinfo.setNetAddresses(srcAddr, dstAddr);
        if (!items) {
            pinfo.columns().setSource(srcAddr); // formatted only if read
            pinfo.columns().setDestination(dstAddr);
        } else {
            // The dotted quads are wanted six times each: formatted once.
            String srcText = srcAddr.toString();
            String dstText = dstAddr.toString();
            addresses(ip, tvb, srcText, h.src(), dstText, h.dst());
            ip.setText(() -> proto.name() + ", Src: " + srcText + ", Dst: " + dstText);
            pinfo.columns().setSource(srcText);
            pinfo.columns().setDestination(dstText);
        }
        if (headerLen > MIN_HEADER) {
            options.dissect(ip, tvb, MIN_HEADER, headerLen - MIN_HEADER);
        }
        // A total length of 0 is what TCP segmentation offload leaves; the frame says how long it is.
        int datagramLen = totalLen == 0 ? tvb.reportedLength() : Math.min(totalLen, tvb.reportedLength());
        Tvb payload = tvb.subset(headerLen, datagramLen - headerLen);
        if (h.flagMoreFragments() || h.fragmentOffset() != 0) {
            payload = defragment(pinfo, tree, ip, h, payload);
            if (payload == null) {
                return datagramLen;
            }
        }
        int taken = ipProto.tryDissect(h.protocol(), payload, pinfo, tree);
        if (taken <= 0) {
            pinfo.columns().setInfo(IpProtocols.name(h.protocol()) + " (" + h.protocol() + ")");
            pinfo.callContained(data, payload, tree);
        }
        return datagramLen;
    }

    /** The version and header length items; returns the latter, which a bogus length is reported on. */
    private TreeItem versionItems(TreeItem ip, Tvb tvb, Ipv4Header h, int headerLen) {
        int first = tvb.u8(0);
        int ipVersion = h.version();
        ip.add(version, tvb, 0, 1, ipVersion).setText(() -> BitPattern.of(first, 0xf0, 8) + "Version: " + ipVersion);
        return ip.add(hdrLen, tvb, 0, 1, headerLen)
                .setText(() -> BitPattern.of(first, 0x0f, 8) + "Header Length: " + headerLen + " bytes (" + headerLen / 4 + ")");
    }

    /** The items from the identification to the checksum. */
    private void restOfHeaderItems(TreeItem ip, Tvb tvb, Ipv4Header h) {
        ip.add(id, tvb, 4, 2, h.identification());
        long flagBits = (h.flagReserved() ? 4 : 0) | (h.flagDontFragment() ? 2 : 0) | (h.flagMoreFragments() ? 1 : 0);
        int flagsByte = tvb.u8(6);
        TreeItem fl = ip.add(flags, tvb, 6, 1, flagBits).setText(() -> flagsText(flagsByte, flagBits));
        fl.add(flagRb, tvb, 6, 1, h.flagReserved() ? 1 : 0);
        fl.add(flagDf, tvb, 6, 1, h.flagDontFragment() ? 1 : 0);
        fl.add(flagMf, tvb, 6, 1, h.flagMoreFragments() ? 1 : 0);
        // The field holds 8-byte units (as -T fields prints it); the label shows bytes.
        int fragWord = tvb.u16(6);
        int fragUnits = h.fragmentOffset();
        ip.add(fragOffset, tvb, 6, 2, fragUnits).setText(() -> BitPattern.of(fragWord, 0x1fff, 16)
                + "Fragment Offset: " + fragUnits * 8);
        ip.add(ttl, tvb, 8, 1, h.ttl());
        ip.add(protocol, tvb, 9, 1, h.protocol());
        ip.add(checksum, tvb, 10, 2, h.checksum()).appendText(" [validation disabled]");
        ip.add(checksumStatus, tvb, 10, 0, UNVERIFIED).generated();
    }

    /**
     * Adds a fragment to its datagram (RFC 791 section 3.2). Returns the reassembled payload when
     * this fragment completes it, with the fragment tree under {@code ip}; otherwise shows the
     * fragment's bytes as data, says so in Info as tshark does, and returns null. A fragment cut
     * by the snapshot length cannot be reassembled and is only shown.
     */
    private Tvb defragment(PacketInfo pinfo, TreeItem tree, TreeItem ip, Ipv4Header h, Tvb payload) {
        Reassembled message = null;
        // The datagram quoted in an ICMP error is shown as it is, never defragmented.
        if (!payload.isTruncated() && pinfo.get(InErrorPacket.class) == null) {
            FragmentKey key = new FragmentKey(h.src(), h.dst(), h.protocol(), h.identification());
            message = fragments.add(key, pinfo.frameNumber(), (int) h.fragmentOffset() * 8, payload.bytes(),
                    !h.flagMoreFragments());
            fragmentLimits.reportIfDropped(fragments, ip, payload);
        }
        if (message == null) {
            long in = ReassembledIn.show(pinfo, ip, reassembledIn);
            pinfo.setFragmented(true);
            pinfo.columns().setInfo(String.format("Fragmented IP protocol (proto=%s %d, off=%d, ID=%04x)",
                    IpProtocols.name(h.protocol()), h.protocol(), h.fragmentOffset() * 8, h.identification()));
            if (in != FirstPassNotes.ABSENT) {
                pinfo.columns().appendInfo(" [Reassembled in #" + in + "]");
            }
            pinfo.callContained(data, payload, tree);
            return null;
        }
        ReassembledIn.note(pinfo, reassembledIn, message.fragments(), pinfo.frameNumber());
        Tvb whole = Tvb.ofSource("Reassembled IPv4", message.data());
        FragmentTree.add(ip, fragmentFields, message, whole);
        return whole;
    }

    private static Address address(long v4) {
        return new Address(Address.Type.IPv4, new byte[] {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4});
    }

    /** The flags line lists the flags that are set: "010. .... = Flags: 0x2, Don't fragment". */
    private static String flagsText(int raw, long flagBits) {
        StringBuilder sb = new StringBuilder(BitPattern.of(raw, 0xe0, 8)).append("Flags: 0x").append(Long.toHexString(flagBits));
        if ((flagBits & 4) != 0) {
            sb.append(", Reserved bit");
        }
        if ((flagBits & 2) != 0) {
            sb.append(", Don't fragment");
        }
        if ((flagBits & 1) != 0) {
            sb.append(", More fragments");
        }
        return sb.toString();
    }

    /** Source and destination, each with the hidden ip.addr, *_host and ip.host copies tshark adds. */
    private void addresses(TreeItem ip, Tvb tvb, String srcText, long srcValue, String dstText, long dstValue) {
        ip.add(src, tvb, 12, 4, srcValue);
        ip.add(addr, tvb, 12, 4, srcValue).hidden();
        ip.add(srcHost, tvb, 12, 4, srcText).hidden();
        ip.add(host, tvb, 12, 4, srcText).hidden();
        ip.add(dst, tvb, 16, 4, dstValue);
        ip.add(addr, tvb, 16, 4, dstValue).hidden();
        ip.add(dstHost, tvb, 16, 4, dstText).hidden();
        ip.add(host, tvb, 16, 4, dstText).hidden();
    }
}
