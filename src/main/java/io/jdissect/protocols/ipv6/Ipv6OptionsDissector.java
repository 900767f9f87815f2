package io.jdissect.protocols.ipv6;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.kaitai.Ipv6ExtensionHeader;
import io.jdissect.protocols.ip.IpProtocols;

import java.util.Map;

/**
 * The Hop-by-Hop Options and Destination Options headers (RFC 8200 sections 4.3 and 4.6), each
 * its own protocol in tshark ({@code ipv6.hopopts}, {@code ipv6.dstopts}) with the shared
 * {@code ipv6.opt.*} option fields. Options are type-length-value (section 4.2); Pad1, PadN,
 * Router Alert and Jumbo Payload are decoded, others shown as bytes.
 */
final class Ipv6OptionsDissector {
    private static final int PAD1 = 0;
    private static final int PADN = 1;
    private static final int ROUTER_ALERT = 5;
    private static final int JUMBO = 0xc2;

    static final Map<Long, String> OPTION_NAMES = Map.ofEntries(
            Map.entry(0x00L, "Pad1"), Map.entry(0x01L, "PadN"), Map.entry(0x04L, "Tunnel Encapsulation Limit"),
            Map.entry(0x05L, "Router Alert"), Map.entry(0x07L, "CALIPSO"), Map.entry(0x08L, "SMF_DPD"),
            Map.entry(0x0fL, "Performance and Diagnostic Metrics"), Map.entry(0x26L, "Quick-Start"),
            Map.entry(0x31L, "IOAM"), Map.entry(0x63L, "RPL Option"), Map.entry(0x6dL, "MPL Option"),
            Map.entry(0x8bL, "ILNP Nonce"), Map.entry(0x8cL, "Line-Identification Option"),
            Map.entry(0xc2L, "Jumbo Payload"), Map.entry(0xc9L, "Home Address Option"));
    /** RFC 8200 section 4.2: what a node that does not know the option must do. */
    private static final Map<Long, String> ACTIONS = Map.of(
            0L, "Skip and continue", 1L, "Discard packet", 2L, "Discard and send ICMP Parameter Problem",
            3L, "Discard and send ICMP if not multicast");

    /** The {@code ipv6.opt.*} fields, registered once and used by both option headers. */
    record OptionFields(FieldDef option, FieldDef type, FieldDef action, FieldDef change, FieldDef rest,
                        FieldDef length, FieldDef pad1, FieldDef padn, FieldDef routerAlert, FieldDef jumbo,
                        FieldDef unknown) {
        static OptionFields register(FieldRegistry f, ProtocolDef ipv6) {
            return new OptionFields(
                    f.field(ipv6, "ipv6.opt", "IPv6 Option", FieldType.FT_NONE).blurb("Option").register(),
                    f.field(ipv6, "ipv6.opt.type", "Type", FieldType.FT_UINT8).hex().values(OPTION_NAMES)
                            .blurb("Option type").register(),
                    f.field(ipv6, "ipv6.opt.type.action", "Action", FieldType.FT_UINT8).mask(0xc0, 8).values(ACTIONS)
                            .blurb("Action for unrecognized option type").register(),
                    f.field(ipv6, "ipv6.opt.type.change", "May Change", FieldType.FT_BOOLEAN).mask(0x20, 8)
                            .trueFalse("Yes", "No").blurb("Whether the option data may change en-route").register(),
                    f.field(ipv6, "ipv6.opt.type.rest", "Low-Order Bits", FieldType.FT_UINT8).hex().mask(0x1f, 8)
                            .blurb("Remaining low-order bits").register(),
                    f.field(ipv6, "ipv6.opt.length", "Length", FieldType.FT_UINT8).blurb("Option length in octets")
                            .register(),
                    f.field(ipv6, "ipv6.opt.pad1", "Pad1", FieldType.FT_NONE).blurb("Pad1 Option").register(),
                    f.field(ipv6, "ipv6.opt.padn", "PadN", FieldType.FT_BYTES).blurb("PadN Option").register(),
                    f.field(ipv6, "ipv6.opt.router_alert", "Router Alert", FieldType.FT_UINT16)
                            .blurb("Router Alert Option").register(),
                    f.field(ipv6, "ipv6.opt.jumbo", "Payload Length", FieldType.FT_UINT32)
                            .blurb("IPv6 (Jumbo) Payload Length").register(),
                    f.field(ipv6, "ipv6.opt.unknown", "Unknown Option Payload", FieldType.FT_BYTES).register());
        }
    }

    private final ProtocolDef proto;
    private final FieldDef nxt;
    private final FieldDef len;
    private final FieldDef lenOctets;
    private final OptionFields options;
    private final Ipv6Payload payload;
    private final DissectorHandle handle;

    /** {@code abbrev} is "ipv6.hopopts" or "ipv6.dstopts". */
    Ipv6OptionsDissector(DissectorRegistry registry, String name, String abbrev, OptionFields options,
                         Ipv6Payload payload) {
        FieldRegistry f = registry.fields();
        proto = f.protocol(name, name, abbrev);
        nxt = f.field(proto, abbrev + ".nxt", "Next Header", FieldType.FT_UINT8).values(IpProtocols.LABELS).register();
        len = f.field(proto, abbrev + ".len", "Length", FieldType.FT_UINT8)
                .blurb("Extension header length in 8-octet words (minus 1)").register();
        lenOctets = f.field(proto, abbrev + ".len_oct", "Length", FieldType.FT_UINT16)
                .blurb("Extension header length in octets").register();
        this.options = options;
        this.payload = payload;
        handle = registry.register(abbrev, proto, this::dissect);
    }

    DissectorHandle handle() {
        return handle;
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        Ipv6ExtensionHeader h = new Ipv6ExtensionHeader(KaitaiTvb.stream(tvb, 0, 2));
        int length = h.lengthOctets();
        Ipv6Context ctx = pinfo.get(Ipv6Context.class);
        TreeItem parent = ctx != null ? ctx.tree() : tree;
        TreeItem item = parent.add(proto.field(), tvb, 0, length).setText(proto.name());
        item.add(nxt, tvb, 0, 1, h.nextHeader());
        item.add(len, tvb, 1, 1, h.length());
        item.add(lenOctets, tvb, 1, 1, length).setText("Length: " + length + " bytes").generated();
        tvb.ensure(0, length);
        for (int off = 2; off < length; ) {
            off = option(item, tvb, off, length);
        }
        payload.dispatch(h.nextHeader(), tvb.subset(length), pinfo, tree);
        return tvb.reportedLength();
    }

    /** One option at {@code off}; returns where the next one starts. */
    private int option(TreeItem item, Tvb tvb, int off, int end) {
        int type = tvb.u8(off);
        String name = OPTION_NAMES.getOrDefault((long) type, "Unknown");
        if (type == PAD1) {
            TreeItem opt = item.add(options.option(), tvb, off, 1).setText(name);
            optionType(opt, tvb, off, type);
            opt.add(options.pad1(), tvb, off, 1);
            return off + 1;
        }
        int optLen = tvb.u8(off + 1);
        int dataLen = Math.min(optLen, end - off - 2);
        TreeItem opt = item.add(options.option(), tvb, off, 2 + dataLen).setText(name);
        optionType(opt, tvb, off, type);
        opt.add(options.length(), tvb, off + 1, 1, optLen);
        int data = off + 2;
        if (type == PADN) {
            opt.add(options.padn(), tvb, data, dataLen, tvb.bytes(data, dataLen));
        } else if (type == ROUTER_ALERT && dataLen == 2) {
            opt.add(options.routerAlert(), tvb, data, 2, tvb.u16(data));
        } else if (type == JUMBO && dataLen == 4) {
            opt.add(options.jumbo(), tvb, data, 4, tvb.u32(data));
        } else if (dataLen > 0) {
            opt.add(options.unknown(), tvb, data, dataLen, tvb.bytes(data, dataLen));
        }
        return data + dataLen;
    }

    private void optionType(TreeItem opt, Tvb tvb, int off, int type) {
        TreeItem t = opt.add(options.type(), tvb, off, 1, type);
        t.add(options.action(), tvb, off, 1, type >> 6);
        t.add(options.change(), tvb, off, 1, (type >> 5) & 1);
        t.add(options.rest(), tvb, off, 1, type & 0x1f);
    }
}
