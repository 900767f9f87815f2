package io.jdissect.protocols.ip;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IPv4 options (RFC 791 section 3.1) as tshark shows them: an "Options: (16 bytes), Router Alert"
 * line, then one "IP Option - …" item per option (each its own {@code ip.options.*} protocol, as in
 * packet-ip.c) with the option type split into copy/class/number, the length, and the Router Alert
 * value; other options' contents are not decoded.
 */
final class Ipv4Options {
    private static final int EOL = 0;
    private static final int NOP = 1;
    private static final int ROUTER_ALERT = 148;
    private static final int RECORD_ROUTE = 7;

    private static final Map<Long, String> CLASSES = Map.of(
            0L, "Control", 1L, "Reserved for future use", 2L, "Debugging and measurement", 3L, "Reserved for future use");
    private static final Map<Long, String> NUMBERS = Map.ofEntries(
            Map.entry(0L, "End of Option List (EOL)"), Map.entry(1L, "No-Operation (NOP)"), Map.entry(2L, "Security"),
            Map.entry(3L, "Loose source route"), Map.entry(4L, "Time stamp"), Map.entry(5L, "Extended security"),
            Map.entry(6L, "Commercial IP security option"), Map.entry(7L, "Record route"),
            Map.entry(8L, "Stream identifier"), Map.entry(9L, "Strict source route"),
            Map.entry(10L, "Experimental Measurement"), Map.entry(11L, "MTU probe"), Map.entry(12L, "MTU Reply"),
            Map.entry(13L, "Experimental Flow Control"), Map.entry(14L, "Experimental Access Control"),
            Map.entry(15L, "Ask Estrin"), Map.entry(16L, "IMI Traffic Descriptor"),
            Map.entry(17L, "Extended Internet Protocol"), Map.entry(18L, "Traceroute"),
            Map.entry(19L, "Address Extension"), Map.entry(20L, "Router Alert"),
            Map.entry(21L, "Selective Directed Broadcast"), Map.entry(22L, "Unassigned"),
            Map.entry(23L, "Dynamic Packet State"), Map.entry(24L, "Upstream Multicast Packet"),
            Map.entry(25L, "Quick-Start"), Map.entry(30L, "RFC 3692-style experiment"));
    private static final Map<Long, String> ROUTER_ALERT_VALUES = Map.of(0L, "Router shall examine packet");

    private final Map<Integer, ProtocolDef> kinds = new HashMap<>();
    private final FieldDef type;
    private final FieldDef copy;
    private final FieldDef optionClass;
    private final FieldDef number;
    private final FieldDef length;
    private final FieldDef routerAlert;
    private final FieldDef pointer;
    private final FieldDef recordedRoute;
    private final FieldDef recordedRouteHost;
    private final FieldDef emptyRoute;
    private final FieldDef emptyRouteHost;

    Ipv4Options(FieldRegistry f, ProtocolDef ip) {
        type = f.field(ip, "ip.opt.type", "Type", FieldType.FT_UINT8).register();
        copy = f.field(ip, "ip.opt.type.copy", "Copy on fragmentation", FieldType.FT_BOOLEAN).mask(0x80, 8)
                .trueFalse("Yes", "No").register();
        optionClass = f.field(ip, "ip.opt.type.class", "Class", FieldType.FT_UINT8).mask(0x60, 8).values(CLASSES)
                .register();
        number = f.field(ip, "ip.opt.type.number", "Number", FieldType.FT_UINT8).mask(0x1f, 8).values(NUMBERS)
                .register();
        length = f.field(ip, "ip.opt.len", "Length", FieldType.FT_UINT8).register();
        routerAlert = f.field(ip, "ip.opt.ra", "Router Alert", FieldType.FT_UINT16).values(ROUTER_ALERT_VALUES)
                .register();
        pointer = f.field(ip, "ip.opt.ptr", "Pointer", FieldType.FT_UINT8).register();
        recordedRoute = f.field(ip, "ip.rec_rt", "Recorded Route", FieldType.FT_IPv4).register();
        recordedRouteHost = f.field(ip, "ip.rec_rt_host", "Recorded Route Host", FieldType.FT_STRING).register();
        emptyRoute = f.field(ip, "ip.empty_rt", "Empty Route", FieldType.FT_IPv4).register();
        emptyRouteHost = f.field(ip, "ip.empty_rt_host", "Empty Route Host", FieldType.FT_STRING).register();
        kind(f, 0, "End of Options List (EOL)", "eol");
        kind(f, 1, "No-Operation (NOP)", "nop");
        kind(f, 130, "Security", "security");
        kind(f, 131, "Loose Source Route", "route");
        kind(f, 68, "Time Stamp", "timestamp");
        kind(f, 133, "Extended Security", "ext_security");
        kind(f, 134, "Commercial Security", "cipso");
        kind(f, 7, "Record Route", "record_route");
        kind(f, 136, "Stream ID", "sid");
        kind(f, 137, "Strict Source Route", "source_route");
        kind(f, 11, "MTU Probe", "mtu_probe");
        kind(f, 12, "MTU Reply", "mtu_reply");
        kind(f, 82, "Traceroute", "traceroute");
        kind(f, 148, "Router Alert", "routeralert");
        kind(f, 149, "Selective Directed Broadcast", "sdb");
        kind(f, 25, "Quick-Start", "qs");
    }

    private void kind(FieldRegistry f, int typeValue, String name, String abbrev) {
        kinds.put(typeValue, f.protocol("IP Option - " + name, name, "ip.options." + abbrev));
    }

    /** Adds the options in {@code tvb[offset, offset+len)} under {@code ip}. */
    void dissect(TreeItem ip, Tvb tvb, int offset, int len) {
        TreeItem all = ip.addText(tvb, offset, len, "");
        List<String> names = new ArrayList<>();
        int end = offset + len;
        for (int off = offset; off < end; ) {
            int t = tvb.u8(off);
            ProtocolDef kind = kinds.get(t);
            String name = kind != null ? kind.shortName() : String.format("Unknown (0x%02x)", t);
            if (t == EOL || t == NOP) {
                typeItems(all.add(kind.field(), tvb, off, 1).setText("IP Option - " + name), tvb, off, t);
                off++;
                if (t == EOL) {
                    break;
                }
                continue;
            }
            int optLen = off + 1 < end ? tvb.u8(off + 1) : 0;
            if (optLen < 2 || off + optLen > end) {
                // A length that cannot be right ends the options, as in packet-ip.c.
                break;
            }
            names.add(name);
            TreeItem opt = kind != null ? all.add(kind.field(), tvb, off, optLen) : all.addText(tvb, off, optLen, "");
            String title = "IP Option - " + name + " (" + optLen + " bytes)";
            typeItems(opt, tvb, off, t);
            opt.add(length, tvb, off + 1, 1, optLen);
            if (t == RECORD_ROUTE && optLen >= 3) {
                recordRoute(opt, tvb, off, optLen);
            } else if (t == ROUTER_ALERT && optLen == 4) {
                int value = tvb.u16(off + 2);
                opt.add(routerAlert, tvb, off + 2, 2, value);
                title += ": " + ROUTER_ALERT_VALUES.getOrDefault((long) value, "Reserved") + " (" + value + ")";
            }
            opt.setText(title);
            off += optLen;
        }
        StringBuilder text = new StringBuilder("Options: (").append(len).append(" bytes)");
        for (String n : names) {
            text.append(", ").append(n);
        }
        all.setText(text.toString());
    }

    /**
     * RFC 791 Record Route: the pointer (1-based, from the option's start) marks the next free
     * slot; slots before it hold recorded addresses, the one at it is "next".
     */
    private void recordRoute(TreeItem opt, Tvb tvb, int off, int optLen) {
        int ptr = tvb.u8(off + 2);
        opt.add(pointer, tvb, off + 2, 1, ptr);
        for (int slot = 3; slot + 4 <= optLen; slot += 4) {
            long addr = tvb.u32(off + slot);
            String text = io.jdissect.api.Address.FormatUtil.ipv4(addr);
            boolean recorded = slot + 1 < ptr;
            opt.add(recorded ? recordedRoute : emptyRoute, tvb, off + slot, 4, addr)
                    .setText((recorded ? "Recorded Route: " : "Empty Route: ") + text + (slot + 1 == ptr ? " <- (next)" : ""));
            opt.add(recorded ? recordedRouteHost : emptyRouteHost, tvb, off + slot, 4, text).hidden();
        }
    }

    private void typeItems(TreeItem opt, Tvb tvb, int off, int t) {
        TreeItem typeItem = opt.add(type, tvb, off, 1, t);
        typeItem.add(copy, tvb, off, 1, t >> 7);
        typeItem.add(optionClass, tvb, off, 1, (t >> 5) & 3);
        typeItem.add(number, tvb, off, 1, t & 0x1f);
    }
}
