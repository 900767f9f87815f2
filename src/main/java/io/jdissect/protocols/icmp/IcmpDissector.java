package io.jdissect.protocols.icmp;

import io.jdissect.api.Base;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.ip.InErrorPacket;

import java.util.Map;

/**
 * ICMP for IPv4 (RFC 792, packet-icmp.c), as far as the lower layers need it: type, code and the
 * verified checksum, echo identifiers, and for error messages (destination unreachable, source
 * quench, redirect, time exceeded, parameter problem) the quoted datagram, dissected as IP inside
 * the ICMP item ({@code ip:icmp:ip:tcp}) without touching the columns, as tshark does.
 */
final class IcmpDissector {
    private static final int HEADER_LEN = 8;
    private static final int ECHO_REPLY = 0;
    private static final int UNREACHABLE = 3;
    private static final int SOURCE_QUENCH = 4;
    private static final int REDIRECT = 5;
    private static final int ECHO_REQUEST = 8;
    private static final int TIME_EXCEEDED = 11;
    private static final int PARAMETER_PROBLEM = 12;
    private static final int FRAGMENTATION_NEEDED = 4;
    private static final long GOOD = 1;
    private static final long BAD = 0;
    private static final long UNVERIFIED = 2;

    private static final Map<Integer, String> TYPES = Map.ofEntries(
            Map.entry(0, "Echo (ping) reply"), Map.entry(3, "Destination unreachable"),
            Map.entry(4, "Source quench (flow control)"), Map.entry(5, "Redirect"),
            Map.entry(8, "Echo (ping) request"), Map.entry(9, "Router advertisement"),
            Map.entry(10, "Router solicitation"), Map.entry(11, "Time-to-live exceeded"),
            Map.entry(12, "Parameter problem"), Map.entry(13, "Timestamp request"), Map.entry(14, "Timestamp reply"),
            Map.entry(15, "Information request"), Map.entry(16, "Information reply"),
            Map.entry(17, "Address mask request"), Map.entry(18, "Address mask reply"));
    private static final Map<Integer, String> UNREACHABLE_CODES = Map.ofEntries(
            Map.entry(0, "Network unreachable"), Map.entry(1, "Host unreachable"),
            Map.entry(2, "Protocol unreachable"), Map.entry(3, "Port unreachable"),
            Map.entry(4, "Fragmentation needed"), Map.entry(5, "Source route failed"),
            Map.entry(6, "Destination network unknown"), Map.entry(7, "Destination host unknown"),
            Map.entry(8, "Source host isolated"), Map.entry(9, "Network administratively prohibited"),
            Map.entry(10, "Host administratively prohibited"), Map.entry(11, "Network unreachable for TOS"),
            Map.entry(12, "Host unreachable for TOS"), Map.entry(13, "Communication administratively filtered"),
            Map.entry(14, "Host precedence violation"), Map.entry(15, "Precedence cutoff in effect"));
    private static final Map<Integer, String> REDIRECT_CODES = Map.of(
            0, "Redirect for network", 1, "Redirect for host", 2, "Redirect for TOS and network",
            3, "Redirect for TOS and host");
    private static final Map<Integer, String> TIME_EXCEEDED_CODES = Map.of(
            0, "Time to live exceeded in transit", 1, "Fragment reassembly time exceeded");

    private final ProtocolDef proto;
    private final FieldDef type;
    private final FieldDef code;
    private final FieldDef checksum;
    private final FieldDef checksumStatus;
    private final FieldDef unused;
    private final FieldDef ident;
    private final FieldDef seq;
    private final FieldDef mtu;
    private final FieldDef pointer;
    private final FieldDef gateway;
    private final Expert.Def checksumBad;
    private final Expert expert;
    private final DissectorHandle handle;
    private DissectorHandle ip;
    private DissectorHandle data;

    IcmpDissector(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Internet Control Message Protocol", "ICMP", "icmp");
        type = f.field(proto, "icmp.type", "Type", FieldType.FT_UINT8).register();
        code = f.field(proto, "icmp.code", "Code", FieldType.FT_UINT8).register();
        checksum = f.field(proto, "icmp.checksum", "Checksum", FieldType.FT_UINT16).hex().register();
        checksumStatus = f.field(proto, "icmp.checksum.status", "Checksum Status", FieldType.FT_UINT8).base(Base.NONE)
                .values(Map.of(0L, "Bad", 1L, "Good", 2L, "Unverified", 3L, "Not present", 4L, "Illegal")).register();
        unused = f.field(proto, "icmp.unused", "Unused", FieldType.FT_BYTES).register();
        ident = f.field(proto, "icmp.ident", "Identifier (BE)", FieldType.FT_UINT16).base(Base.BASE_DEC_HEX).register();
        seq = f.field(proto, "icmp.seq", "Sequence Number (BE)", FieldType.FT_UINT16).base(Base.BASE_DEC_HEX).register();
        mtu = f.field(proto, "icmp.mtu", "MTU of next hop", FieldType.FT_UINT16).register();
        pointer = f.field(proto, "icmp.pointer", "Pointer", FieldType.FT_UINT32).register();
        gateway = f.field(proto, "icmp.redir_gw", "Gateway Address", FieldType.FT_IPv4).register();
        checksumBad = registry.expert(proto, "icmp.checksum_bad", "Bad checksum", Expert.Severity.WARNING,
                Expert.Group.CHECKSUM);
        expert = registry.expert();
        handle = registry.register("icmp", proto, this::dissect);
    }

    DissectorHandle handle() {
        return handle;
    }

    void handoff(DissectorRegistry registry) {
        ip = registry.handle("ip");
        data = registry.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("ICMP");
        int typeValue = tvb.u8(0);
        int codeValue = tvb.u8(1);
        String typeName = TYPES.getOrDefault(typeValue, "Unknown ICMP (obsolete or malformed?)");
        String codeName = codes(typeValue).get(codeValue);
        pinfo.columns().setInfo(typeName + (codeName == null ? "" : " (" + codeName + ")"));
        TreeItem icmp = tree.add(proto.field(), tvb, 0, tvb.reportedLength()).setText(proto.name());
        icmp.add(type, tvb, 0, 1, typeValue).setText("Type: " + typeValue + " (" + typeName + ")");
        icmp.add(code, tvb, 1, 1, codeValue).setText("Code: " + codeValue + (codeName == null ? "" : " (" + codeName + ")"));
        checksum(icmp, tvb, pinfo);
        switch (typeValue) {
            case ECHO_REPLY, ECHO_REQUEST -> {
                icmp.add(ident, tvb, 4, 2, tvb.u16(4));
                icmp.add(seq, tvb, 6, 2, tvb.u16(6));
                if (tvb.reportedLength() > HEADER_LEN) {
                    pinfo.callContained(data, tvb.subset(HEADER_LEN), icmp);
                }
            }
            case UNREACHABLE, SOURCE_QUENCH, REDIRECT, TIME_EXCEEDED, PARAMETER_PROBLEM -> {
                errorFields(icmp, tvb, typeValue, codeValue);
                quotedDatagram(tvb.subset(HEADER_LEN), pinfo, icmp, typeValue);
            }
            default -> {
                if (tvb.reportedLength() > 4) {
                    pinfo.callContained(data, tvb.subset(4), icmp);
                }
            }
        }
        return tvb.reportedLength();
    }

    private static Map<Integer, String> codes(int typeValue) {
        return switch (typeValue) {
            case UNREACHABLE -> UNREACHABLE_CODES;
            case REDIRECT -> REDIRECT_CODES;
            case TIME_EXCEEDED -> TIME_EXCEEDED_CODES;
            default -> Map.of();
        };
    }

    /** RFC 792: the checksum covers the whole ICMP message; tshark verifies it by default. */
    private void checksum(TreeItem icmp, Tvb tvb, PacketInfo pinfo) {
        int value = tvb.u16(2);
        if (tvb.isTruncated() || pinfo.fragmented()) {
            icmp.add(checksum, tvb, 2, 2, value).appendText(" [unverified]");
            icmp.add(checksumStatus, tvb, 2, 0, UNVERIFIED).generated();
            return;
        }
        int sum = InternetChecksum.of(tvb.array(), tvb.arrayOffset(), tvb.length());
        if (sum == 0) {
            icmp.add(checksum, tvb, 2, 2, value).appendText(" [correct]");
            icmp.add(checksumStatus, tvb, 2, 0, GOOD).generated();
        } else {
            int expected = InternetChecksum.expected(tvb.array(), tvb.arrayOffset(), tvb.length(), 2);
            TreeItem c = icmp.add(checksum, tvb, 2, 2, value)
                    .appendText(String.format(" incorrect, should be 0x%04x", expected));
            icmp.add(checksumStatus, tvb, 2, 0, BAD).generated();
            expert.add(c, checksumBad, tvb, 2, 2);
        }
    }

    /** The 4 bytes after the checksum of an error message. */
    private void errorFields(TreeItem icmp, Tvb tvb, int typeValue, int codeValue) {
        if (typeValue == UNREACHABLE && codeValue == FRAGMENTATION_NEEDED) {
            // RFC 1191 section 4: the next-hop MTU in the low half of the unused word.
            icmp.add(unused, tvb, 4, 2, tvb.bytes(4, 2));
            icmp.add(mtu, tvb, 6, 2, tvb.u16(6));
        } else if (typeValue == REDIRECT) {
            icmp.add(gateway, tvb, 4, 4, tvb.u32(4));
        } else if (typeValue == PARAMETER_PROBLEM) {
            icmp.add(pointer, tvb, 4, 1, tvb.u8(4));
            icmp.add(unused, tvb, 5, 3, tvb.bytes(5, 3));
        } else {
            icmp.add(unused, tvb, 4, 4, tvb.bytes(4, 4));
        }
    }

    /**
     * The IP header and first bytes of the datagram that caused the error, dissected under the
     * ICMP item; the columns keep what ICMP wrote.
     */
    private void quotedDatagram(Tvb quoted, PacketInfo pinfo, TreeItem icmp, int typeValue) {
        var cols = pinfo.columns();
        String protocol = cols.protocol();
        String info = cols.info();
        String source = cols.source();
        String destination = cols.destination();
        InErrorPacket outer = pinfo.get(InErrorPacket.class);
        pinfo.put(InErrorPacket.class, new InErrorPacket(typeValue));
        try {
            pinfo.callContained(ip, quoted, icmp);
        } finally {
            pinfo.put(InErrorPacket.class, outer);
            cols.setProtocol(protocol);
            cols.setInfo(info);
            cols.setSource(source);
            cols.setDestination(destination);
        }
    }
}
