package io.jdissect.protocols.frame;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

import java.util.Map;

/**
 * A pcapng packet's flags word (epb_flags) as tshark 4.0's frame dissector shows it: the "Packet
 * flags" item with its bit fields, " (inbound)" or " (outbound)" after the frame's interface, and
 * the Point-to-Point Direction that the flags' direction gives (packet-frame.c).
 */
final class PacketFlags {
    private static final long DIRECTION_MASK = 0x3;
    private static final long INBOUND = 1;
    private static final long OUTBOUND = 2;
    /** tshark's P2P_DIR_SENT and P2P_DIR_RECV. */
    private static final long P2P_SENT = 0;
    private static final long P2P_RECEIVED = 1;

    private final FieldDef flags;
    private final FieldDef p2pDir;
    /** The bit fields, in tshark's order, each with its mask. */
    private final FieldDef[] bits;

    PacketFlags(FieldRegistry f, ProtocolDef proto) {
        flags = f.field(proto, "frame.packet_flags", "Packet flags", FieldType.FT_UINT32).hex().register();
        bits = new FieldDef[] {
                f.field(proto, "frame.packet_flags_direction", "Direction", FieldType.FT_UINT32).hex().mask(DIRECTION_MASK)
                        .values(Map.of(0L, "Unknown", INBOUND, "Inbound", OUTBOUND, "Outbound")).register(),
                f.field(proto, "frame.packet_flags_reception_type", "Reception type", FieldType.FT_UINT32).mask(0x1c)
                        .values(Map.of(0L, "Not specified", 1L, "Unicast", 2L, "Multicast", 3L, "Broadcast",
                                4L, "Promiscuous")).register(),
                f.field(proto, "frame.packet_flags_fcs_length", "FCS length", FieldType.FT_UINT32).mask(0x1e0).register(),
                f.field(proto, "frame.packet_flags_reserved", "Reserved", FieldType.FT_UINT32).mask(0xfe00).register(),
                error(f, proto, "frame.packet_flags_crc_error", "CRC error", 0x01000000L),
                error(f, proto, "frame.packet_flags_packet_too_error", "Packet too long error", 0x02000000L),
                error(f, proto, "frame.packet_flags_packet_too_short_error", "Packet too short error", 0x04000000L),
                error(f, proto, "frame.packet_flags_wrong_inter_frame_gap_error", "Wrong interframe gap error", 0x08000000L),
                error(f, proto, "frame.packet_flags_unaligned_frame_error", "Unaligned frame error", 0x10000000L),
                error(f, proto, "frame.packet_flags_start_frame_delimiter_error", "Start frame delimiter error", 0x20000000L),
                error(f, proto, "frame.packet_flags_preamble_error", "Preamble error", 0x40000000L),
                error(f, proto, "frame.packet_flags_symbol_error", "Symbol error", 0x80000000L),
        };
        p2pDir = f.field(proto, "frame.p2p_dir", "Point-to-Point Direction", FieldType.FT_INT8)
                .values(Map.of(-1L, "Unknown", P2P_SENT, "Sent", P2P_RECEIVED, "Received")).register();
    }

    private static FieldDef error(FieldRegistry f, ProtocolDef proto, String abbrev, String name, long mask) {
        return f.field(proto, abbrev, name, FieldType.FT_BOOLEAN).mask(mask, 32).trueFalse("Set", "Not set").register();
    }

    /** What the frame's line ends with: " (inbound)", " (outbound)", or nothing. */
    static String frameSuffix(long flags) {
        long direction = flags & DIRECTION_MASK;
        return direction == INBOUND ? " (inbound)" : direction == OUTBOUND ? " (outbound)" : "";
    }

    /** The Packet flags item and its bit fields, when the run reads any of them. */
    void add(PacketInfo pinfo, TreeItem frame, Tvb tvb, long value) {
        if (!wanted(pinfo)) {
            return;
        }
        TreeItem item = frame.add(flags, tvb, 0, 0, value);
        for (FieldDef bit : bits) {
            long mask = bit.bitmask();
            long v = bit.type() == FieldType.FT_BOOLEAN ? ((value & mask) != 0 ? 1 : 0)
                    : (value & mask) >>> Long.numberOfTrailingZeros(mask);
            item.add(bit, tvb, 0, 0, v);
        }
    }

    /** "Point-to-Point Direction", when the flags say which way the packet went. */
    void addDirection(PacketInfo pinfo, TreeItem frame, Tvb tvb, long value) {
        long direction = value & DIRECTION_MASK;
        if ((direction == INBOUND || direction == OUTBOUND) && pinfo.wants(p2pDir)) {
            frame.add(p2pDir, tvb, 0, 0, direction == INBOUND ? P2P_RECEIVED : P2P_SENT);
        }
    }

    private boolean wanted(PacketInfo pinfo) {
        if (pinfo.wants(flags)) {
            return true;
        }
        for (FieldDef bit : bits) {
            if (pinfo.wants(bit)) {
                return true;
            }
        }
        return false;
    }
}
