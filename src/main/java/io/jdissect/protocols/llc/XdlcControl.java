package io.jdissect.protocols.llc;

import io.jdissect.api.FieldDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

import java.util.Map;

/**
 * The control field of an LLC frame in extended operation (ISO/IEC 8802-2 section 5.4, tshark's
 * dissect_xdlc_control): I and S frames have two octets, read little-endian as tshark does,
 * U frames one. Gives the control value, its length, and the summary tshark puts in the Info
 * column ("U, func=UI", "I P, N(R)=3, N(S)=5", "S F, func=RNR, N(R)=5").
 */
final class XdlcControl {
    static final int S_U_MASK = 0x03;
    static final int I_MASK = 0x01;
    static final int SUPERVISORY = 0x01;
    static final int UNNUMBERED = 0x03;
    static final int UI = 0x03;
    static final int P_F = 0x10;
    static final int P_F_EXT = 0x0100;
    static final int N_R_EXT_MASK = 0xfe00;
    static final int N_S_EXT_MASK = 0x00fe;
    static final int S_FTYPE_MASK = 0x0c;
    static final int U_MODIFIER_MASK = 0xec;

    static final Map<Long, String> FRAME_TYPES = Map.of(0L, "Information frame", 1L, "Supervisory frame",
            3L, "Unnumbered frame");
    static final Map<Long, String> S_TYPES = Map.of(0L, "Receiver ready", 1L, "Receiver not ready", 2L, "Reject",
            3L, "Selective reject");
    private static final String[] S_SHORT = {"RR", "RNR", "REJ", "SREJ"};

    /** U-frame modifiers (bits 0xec) by their value shifted right 2, commands and responses. */
    static final Map<Long, String> U_COMMANDS = Map.ofEntries(
            Map.entry(0x00L, "Unnumbered Information"), Map.entry(0x08L, "Unnumbered Poll"),
            Map.entry(0x10L, "Disconnect"), Map.entry(0x18L, "Unnumbered Acknowledge"),
            Map.entry(0x20L, "Set Normal Response Mode"), Map.entry(0x38L, "Test"),
            Map.entry(0x01L, "Set Initialization Mode"), Map.entry(0x21L, "Frame reject"),
            Map.entry(0x31L, "Configure"), Map.entry(0x03L, "Set Asynchronous Response Mode"),
            Map.entry(0x0bL, "Set Asynchronous Balanced Mode"),
            Map.entry(0x13L, "Set Asynchronous Response Mode Extended"),
            Map.entry(0x1bL, "Set Asynchronous Balanced Mode Extended"), Map.entry(0x23L, "Reset"),
            Map.entry(0x2bL, "Exchange identification"), Map.entry(0x33L, "Set Normal Response Mode Extended"),
            Map.entry(0x3bL, "Beacon"));
    static final Map<Long, String> U_RESPONSES = Map.ofEntries(
            Map.entry(0x00L, "Unnumbered Information"), Map.entry(0x08L, "Unnumbered Poll"),
            Map.entry(0x10L, "Request Disconnect"), Map.entry(0x18L, "Unnumbered Acknowledge"),
            Map.entry(0x20L, "Set Normal Response Mode"), Map.entry(0x38L, "Test"),
            Map.entry(0x01L, "Request Initialization Mode"), Map.entry(0x21L, "Frame reject"),
            Map.entry(0x31L, "Configure"), Map.entry(0x03L, "Disconnected mode"),
            Map.entry(0x0bL, "Set Asynchronous Balanced Mode"),
            Map.entry(0x13L, "Set Asynchronous Response Mode Extended"),
            Map.entry(0x1bL, "Set Asynchronous Balanced Mode Extended"), Map.entry(0x23L, "Reset"),
            Map.entry(0x2bL, "Exchange identification"), Map.entry(0x33L, "Set Normal Response Mode Extended"),
            Map.entry(0x3bL, "Beacon"));
    private static final Map<Integer, String> U_SHORT_COMMANDS = Map.ofEntries(
            Map.entry(0x00, "UI"), Map.entry(0x20, "UP"), Map.entry(0x40, "DISC"), Map.entry(0x60, "UA"),
            Map.entry(0x80, "SNRM"), Map.entry(0xe0, "TEST"), Map.entry(0x04, "SIM"), Map.entry(0x84, "FRMR"),
            Map.entry(0xc4, "CFGR"), Map.entry(0x0c, "SARM"), Map.entry(0x2c, "SABM"), Map.entry(0x4c, "SARME"),
            Map.entry(0x6c, "SABME"), Map.entry(0x8c, "RESET"), Map.entry(0xac, "XID"), Map.entry(0xcc, "SNRME"),
            Map.entry(0xec, "BCN"));
    private static final Map<Integer, String> U_SHORT_RESPONSES = Map.ofEntries(
            Map.entry(0x00, "UI"), Map.entry(0x20, "UP"), Map.entry(0x40, "RD"), Map.entry(0x60, "UA"),
            Map.entry(0x80, "SNRM"), Map.entry(0xe0, "TEST"), Map.entry(0x04, "RIM"), Map.entry(0x84, "FRMR"),
            Map.entry(0xc4, "CFGR"), Map.entry(0x0c, "DM"), Map.entry(0x2c, "SABM"), Map.entry(0x4c, "SARME"),
            Map.entry(0x6c, "SABME"), Map.entry(0x8c, "RESET"), Map.entry(0xac, "XID"), Map.entry(0xcc, "SNRME"),
            Map.entry(0xec, "BCN"));

    /** The subfields of the control item, for one-octet (U) and two-octet (I, S) fields. */
    record Fields(FieldDef control, FieldDef nR, FieldDef nS, FieldDef p, FieldDef pExt, FieldDef f, FieldDef fExt,
                  FieldDef sFtype, FieldDef uCommand, FieldDef uResponse, FieldDef ftypeI, FieldDef ftypeSU,
                  FieldDef ftypeSUExt) {
    }

    final int value;
    final int length;
    final String summary;

    private XdlcControl(int value, int length, String summary) {
        this.value = value;
        this.length = length;
        this.summary = summary;
    }

    /** Whether the frame carries a network-layer PDU: an I frame or a UI frame. */
    boolean isInformation() {
        return (value & I_MASK) == 0 || value == UI;
    }

    /** Adds the control item and its subfields at {@code offset}; {@code response} is the SSAP's C/R bit. */
    static XdlcControl dissect(Tvb tvb, int offset, TreeItem tree, Fields f, boolean response) {
        int first = tvb.u8(offset);
        String pf = response ? " F" : " P";
        if ((first & S_U_MASK) == UNNUMBERED) {
            boolean pollFinal = (first & P_F) != 0;
            Map<Integer, String> names = response ? U_SHORT_RESPONSES : U_SHORT_COMMANDS;
            String summary = "U" + (pollFinal ? pf : "") + ", func="
                    + names.getOrDefault(first & U_MODIFIER_MASK, "Unknown");
            TreeItem c = tree.add(f.control(), tvb, offset, 1, first)
                    .setText(String.format("Control field: %s (0x%02X)", summary, first));
            if (pollFinal) {
                c.add(response ? f.f() : f.p(), tvb, offset, 1, 1);
            }
            c.add(response ? f.uResponse() : f.uCommand(), tvb, offset, 1, (first & U_MODIFIER_MASK) >> 2);
            c.add(f.ftypeSU(), tvb, offset, 1, first & S_U_MASK);
            return new XdlcControl(first, 1, summary);
        }
        int control = tvb.u16le(offset);
        int nR = (control & N_R_EXT_MASK) >> 9;
        boolean pollFinal = (control & P_F_EXT) != 0;
        String summary;
        if ((first & S_U_MASK) == SUPERVISORY) {
            summary = "S" + (pollFinal ? pf : "") + ", func=" + S_SHORT[(control & S_FTYPE_MASK) >> 2] + ", N(R)=" + nR;
        } else {
            summary = "I" + (pollFinal ? " P" : "") + ", N(R)=" + nR + ", N(S)=" + ((control & N_S_EXT_MASK) >> 1);
        }
        TreeItem c = tree.add(f.control(), tvb, offset, 2, control)
                .setText(String.format("Control field: %s (0x%04X)", summary, control));
        c.add(f.nR(), tvb, offset, 2, nR);
        if ((first & S_U_MASK) == SUPERVISORY) {
            if (pollFinal) {
                c.add(response ? f.fExt() : f.pExt(), tvb, offset, 2, 1);
            }
            c.add(f.sFtype(), tvb, offset, 2, (control & S_FTYPE_MASK) >> 2);
            c.add(f.ftypeSUExt(), tvb, offset, 2, control & S_U_MASK);
        } else {
            c.add(f.nS(), tvb, offset, 2, (control & N_S_EXT_MASK) >> 1);
            if (pollFinal) {
                c.add(f.pExt(), tvb, offset, 2, 1);
            }
            c.add(f.ftypeI(), tvb, offset, 2, control & I_MASK);
        }
        return new XdlcControl(control, 2, summary);
    }
}
