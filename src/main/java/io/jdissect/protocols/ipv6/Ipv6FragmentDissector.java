package io.jdissect.protocols.ipv6;

import io.jdissect.api.Address;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
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
import io.jdissect.kaitai.Ipv6FragmentHeader;
import io.jdissect.protocols.ip.BitPattern;
import io.jdissect.protocols.ip.IpProtocols;

/**
 * The Fragment header (RFC 8200 section 4.5, protocol {@code ipv6.fraghdr}) and reassembly of
 * the fragments by (source, destination, identification): the frame that completes a packet shows
 * the fragment tree ({@code ipv6.fragment*}) and dissects the whole payload; earlier ones show their
 * piece as data with tshark's "IPv6 fragment (…)" Info.
 */
final class Ipv6FragmentDissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int HEADER_LEN = 8;

    private record FragmentKey(Address src, Address dst, long id) {
    }

    private final ProtocolDef proto;
    private final FieldDef nxt;
    private final FieldDef reservedOctet;
    private final FieldDef offset;
    private final FieldDef reservedBits;
    private final FieldDef more;
    private final FieldDef ident;
    private final FragmentTree.Fields fragmentFields;
    private final FieldDef reassembledIn;
    private final FragmentTable<FragmentKey> fragments = new FragmentTable<>(0, 0);
    private final FragmentLimits fragmentLimits;
    private final Ipv6Payload payload;
    private final DissectorHandle handle;

    Ipv6FragmentDissector(DissectorRegistry registry, ProtocolDef ipv6, Ipv6Payload payload) {
        FieldRegistry f = registry.fields();
        FieldDef fragment = f.field(ipv6, "ipv6.fragment", "IPv6 Fragment", FieldType.FT_FRAMENUM).register();
        FieldDef count = f.field(ipv6, "ipv6.fragment.count", "Fragment count", FieldType.FT_UINT32).register();
        FieldDef all = f.field(ipv6, "ipv6.fragments", "IPv6 Fragments", FieldType.FT_NONE).register();
        reassembledIn = f.field(ipv6, "ipv6.reassembled.in", "Reassembled IPv6 in frame", FieldType.FT_FRAMENUM)
                .blurb("This IPv6 packet is reassembled in this frame").register();
        FieldDef length = f.field(ipv6, "ipv6.reassembled.length", "Reassembled IPv6 length", FieldType.FT_UINT32)
                .blurb("The total length of the reassembled payload").register();
        FieldDef data = f.field(ipv6, "ipv6.reassembled.data", "Reassembled IPv6 data", FieldType.FT_BYTES)
                .blurb("The reassembled payload").register();
        fragmentFields = new FragmentTree.Fields(all, fragment, count, length, data, "IPv6 Fragments");
        fragmentLimits = new FragmentLimits(registry, ipv6, "ipv6");
        proto = f.protocol("Fragment Header for IPv6", "IPv6 Fragment", "ipv6.fraghdr");
        nxt = f.field(proto, "ipv6.fraghdr.nxt", "Next header", FieldType.FT_UINT8).values(IpProtocols.LABELS).register();
        reservedOctet = f.field(proto, "ipv6.fraghdr.reserved_octet", "Reserved octet", FieldType.FT_UINT8).hex()
                .blurb("Should always be 0").register();
        offset = f.field(proto, "ipv6.fraghdr.offset", "Offset", FieldType.FT_UINT16).mask(0xfff8, 16)
                .blurb("Fragment Offset").register();
        reservedBits = f.field(proto, "ipv6.fraghdr.reserved_bits", "Reserved bits", FieldType.FT_UINT16)
                .mask(0x0006, 16).register();
        more = f.field(proto, "ipv6.fraghdr.more", "More Fragments", FieldType.FT_BOOLEAN).mask(0x0001, 16)
                .trueFalse("Yes", "No").register();
        ident = f.field(proto, "ipv6.fraghdr.ident", "Identification", FieldType.FT_UINT32).hex()
                .blurb("Fragment Identification").register();
        this.payload = payload;
        handle = registry.register("ipv6.fraghdr", proto, this::dissect);
    }

    /** Reads the defragmentation caps (hand-off phase, after -o). */
    void handoff(DissectorRegistry registry) {
        fragmentLimits.apply(registry, fragments);
    }

    DissectorHandle handle() {
        return handle;
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Ipv6FragmentHeader h = new Ipv6FragmentHeader(KaitaiTvb.stream(headerIo, tvb, 0, HEADER_LEN));
        Ipv6Context ctx = pinfo.get(Ipv6Context.class);
        TreeItem parent = ctx != null ? ctx.tree() : tree;
        int byteOffset = (int) h.fragmentOffset() * 8;
        TreeItem item = parent.add(proto.field(), tvb, 0, HEADER_LEN).setText(proto.name());
        item.add(nxt, tvb, 0, 1, h.nextHeader());
        item.add(reservedOctet, tvb, 1, 1, h.reserved());
        int raw = tvb.u16(2);
        item.add(offset, tvb, 2, 2, h.fragmentOffset()).setText(BitPattern.of(raw, 0xfff8, 16) + "Offset: "
                + h.fragmentOffset() + " (" + byteOffset + " bytes)");
        item.add(reservedBits, tvb, 2, 2, h.reservedBits());
        item.add(more, tvb, 2, 2, h.moreFragments() ? 1 : 0);
        item.add(ident, tvb, 4, 4, h.identification());
        Tvb piece = tvb.subset(HEADER_LEN);
        Reassembled message = null;
        if (ctx != null && !piece.isTruncated()) {
            message = fragments.add(new FragmentKey(ctx.src(), ctx.dst(), h.identification()), pinfo.frameNumber(),
                    byteOffset, piece.bytes(), !h.moreFragments());
            fragmentLimits.reportIfDropped(fragments, item, piece);
        }
        if (message == null) {
            ReassembledIn.show(pinfo, parent, reassembledIn);
            pinfo.setFragmented(true);
            pinfo.columns().setInfo(String.format("IPv6 fragment (off=%d more=%s ident=0x%08x nxt=%d)",
                    byteOffset, h.moreFragments() ? "y" : "n", h.identification(), h.nextHeader()));
            payload.showData(piece, pinfo, tree);
            return tvb.reportedLength();
        }
        ReassembledIn.note(pinfo, reassembledIn, message.fragments(), pinfo.frameNumber());
        Tvb whole = Tvb.ofSource("Reassembled IPv6", message.data());
        FragmentTree.add(parent, fragmentFields, message, whole);
        payload.dispatch(h.nextHeader(), whole, pinfo, tree);
        return tvb.reportedLength();
    }
}
