package io.jdissect.protocols.llc;

import io.jdissect.api.BoundsException;
import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.Malformed;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.dissect.ArrayKaitaiStream;
import io.jdissect.dissect.KaitaiTvb;
import io.jdissect.dissect.PayloadDispatch;
import io.jdissect.kaitai.LlcHeader;
import io.jdissect.kaitai.SnapHeader;
import io.jdissect.protocols.eth.EtherTypes;

/**
 * IEEE 802.2 Logical-Link Control as tshark 4.0 shows it (packet-llc.c): DSAP and SSAP with
 * their SAP number and I/G and C/R bits, the control field ({@link XdlcControl}), and for SNAP
 * (DSAP = SSAP = 0xAA) the OUI and protocol id. With OUI 00-00-00 (RFC 1042) or 00-00-F8 the
 * protocol id is an EtherType and I/UI frames go through the {@code ethertype} table; other
 * non-SNAP I/UI frames through the {@code llc.dsap} table; everything else is data.
 */
final class LlcDissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    static final String DSAP_TABLE = "llc.dsap";
    private static final int SNAP_LEN = 5;
    /** OUIs whose protocol id is an EtherType: RFC 1042 encapsulation and Cisco's 802.1H variant. */
    private static final long OUI_ENCAP_ETHER = 0x000000;
    private static final long OUI_CISCO_90 = 0x0000f8;
    /**
     * The one OUI name tshark shows that jdissect shows too (OUIs are otherwise never resolved):
     * the label as tshark prints it, cut after "but" and without a closing parenthesis.
     */
    private static final String XEROX_LABEL = "Officially Xerox, but";
    private static final String XEROX_NAME = "Officially Xerox, but 0:0:0:0:0:0 is more common";

    private final ProtocolDef proto;
    private final FieldDef dsap;
    private final FieldDef dsapSap;
    private final FieldDef dsapIg;
    private final FieldDef ssap;
    private final FieldDef ssapSap;
    private final FieldDef ssapCr;
    private final XdlcControl.Fields control;
    private final FieldDef type;
    private final FieldDef oui;
    private final FieldDef pid;
    private final DissectorTable dsapTable;
    private DissectorTable ethertypes;
    private DissectorHandle data;

    LlcDissector(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Logical-Link Control", "LLC", "llc");
        dsap = f.field(proto, "llc.dsap", "DSAP", FieldType.FT_UINT8).hex().values(Saps.BY_OCTET)
                .blurb("Destination Service Access Point").register();
        dsapSap = sap(f, "llc.dsap.sap");
        dsapIg = f.field(proto, "llc.dsap.ig", "IG Bit", FieldType.FT_BOOLEAN).mask(Saps.LOW_BIT, 8)
                .trueFalse("Group", "Individual").blurb("Individual/Group").register();
        ssap = f.field(proto, "llc.ssap", "SSAP", FieldType.FT_UINT8).hex().values(Saps.BY_OCTET)
                .blurb("Source Service Access Point").register();
        ssapSap = sap(f, "llc.ssap.sap");
        ssapCr = f.field(proto, "llc.ssap.cr", "CR Bit", FieldType.FT_BOOLEAN).mask(Saps.LOW_BIT, 8)
                .trueFalse("Response", "Command").blurb("Command/Response").register();
        FieldDef ctrl = f.field(proto, "llc.control", "Control", FieldType.FT_UINT16).hex().register();
        FieldDef nR = f.field(proto, "llc.control.n_r", "N(R)", FieldType.FT_UINT16).mask(XdlcControl.N_R_EXT_MASK)
                .register();
        FieldDef nS = f.field(proto, "llc.control.n_s", "N(S)", FieldType.FT_UINT16).mask(XdlcControl.N_S_EXT_MASK)
                .register();
        FieldDef p = flag(f, "llc.control.p", "Poll", XdlcControl.P_F, 8);
        FieldDef pExt = flag(f, "llc.control.p", "Poll", XdlcControl.P_F_EXT, 16);
        FieldDef fin = flag(f, "llc.control.f", "Final", XdlcControl.P_F, 8);
        FieldDef finExt = flag(f, "llc.control.f", "Final", XdlcControl.P_F_EXT, 16);
        FieldDef sFtype = f.field(proto, "llc.control.s_ftype", "Supervisory frame type", FieldType.FT_UINT16).hex()
                .values(XdlcControl.S_TYPES).mask(XdlcControl.S_FTYPE_MASK).register();
        FieldDef uCmd = f.field(proto, "llc.control.u_modifier_cmd", "Command", FieldType.FT_UINT8).hex()
                .values(XdlcControl.U_COMMANDS).mask(XdlcControl.U_MODIFIER_MASK).register();
        FieldDef uResp = f.field(proto, "llc.control.u_modifier_resp", "Response", FieldType.FT_UINT8).hex()
                .values(XdlcControl.U_RESPONSES).mask(XdlcControl.U_MODIFIER_MASK).register();
        FieldDef ftypeI = ftype(f, FieldType.FT_UINT16, XdlcControl.I_MASK);
        FieldDef ftypeSU = ftype(f, FieldType.FT_UINT8, XdlcControl.S_U_MASK);
        FieldDef ftypeSUExt = ftype(f, FieldType.FT_UINT16, XdlcControl.S_U_MASK);
        control = new XdlcControl.Fields(ctrl, nR, nS, p, pExt, fin, finExt, sFtype, uCmd, uResp, ftypeI, ftypeSU,
                ftypeSUExt);
        type = f.field(proto, "llc.type", "Type", FieldType.FT_UINT16).hex().values(EtherTypes.LABELS).register();
        oui = f.field(proto, "llc.oui", "Organization Code", FieldType.FT_UINT24).base(io.jdissect.api.Base.NONE)
                .register();
        pid = f.field(proto, "llc.pid", "Protocol ID", FieldType.FT_UINT16).hex().register();
        registry.register("llc", proto, this::dissect);
        dsapTable = registry.table(DSAP_TABLE, "LLC SAP", false);
    }

    private FieldDef sap(FieldRegistry f, String abbrev) {
        return f.field(proto, abbrev, "SAP", FieldType.FT_UINT8).base(io.jdissect.api.Base.NONE)
                .values(Saps.BY_NUMBER).mask(Saps.SAP_MASK).blurb("Service Access Point").register();
    }

    private FieldDef flag(FieldRegistry f, String abbrev, String name, int mask, int bits) {
        return f.field(proto, abbrev, name, FieldType.FT_BOOLEAN).mask(mask, bits).trueFalse("Set", "Not set")
                .register();
    }

    private FieldDef ftype(FieldRegistry f, FieldType width, int mask) {
        return f.field(proto, "llc.control.ftype", "Frame type", width).hex().values(XdlcControl.FRAME_TYPES)
                .mask(mask).register();
    }

    void handoff(DissectorRegistry registry) {
        ethertypes = registry.table(DissectorRegistry.ETHERTYPE);
        data = registry.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        try {
            dissectFrame(tvb, pinfo, tree);
        } catch (BoundsException e) {
            Malformed.report(pinfo, tree, proto.shortName(), e);
        }
        return tvb.reportedLength();
    }

    private void dissectFrame(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("LLC");
        pinfo.columns().clearInfo();
        TreeItem ti = tree.add(proto.field(), tvb, 0, Math.min(3, tvb.reportedLength()));
        LlcHeader h = new LlcHeader(KaitaiTvb.stream(headerIo, tvb, 0, Math.min(3, tvb.length())));
        int d = h.dsap();
        int s = h.ssap();
        TreeItem dsapItem = ti.add(dsap, tvb, 0, 1, d);
        dsapItem.add(dsapSap, tvb, 0, 1, d >> 1);
        dsapItem.add(dsapIg, tvb, 0, 1, d & Saps.LOW_BIT);
        TreeItem ssapItem = ti.add(ssap, tvb, 1, 1, s);
        ssapItem.add(ssapSap, tvb, 1, 1, s >> 1);
        ssapItem.add(ssapCr, tvb, 1, 1, s & Saps.LOW_BIT);
        boolean snap = d == Saps.SNAP && s == Saps.SNAP;
        XdlcControl c = XdlcControl.dissect(tvb, 2, ti, control, (s & Saps.LOW_BIT) != 0);
        pinfo.columns().appendInfo(c.summary);
        int headerLen = 2 + c.length;
        if (snap) {
            ti.setLength(headerLen + SNAP_LEN);
            snap(tvb, headerLen, pinfo, tree, ti, c);
            return;
        }
        ti.setLength(headerLen);
        pinfo.columns().appendInfo("; DSAP " + Saps.infoName(d) + ((d & Saps.LOW_BIT) != 0 ? " Group" : " Individual")
                + ", SSAP " + Saps.infoName(s) + ((s & Saps.LOW_BIT) != 0 ? " Response" : " Command"));
        if (tvb.reportedLength() <= headerLen) {
            return;
        }
        Tvb next = tvb.subset(headerLen);
        if (!c.isInformation() || !PayloadDispatch.tryUint(dsapTable, d, next, pinfo, tree)) {
            pinfo.callContained(data, next, tree);
        }
    }

    /** The SNAP header (IEEE Std 802-2014 clause 10.3) and what follows it. */
    private void snap(Tvb tvb, int offset, PacketInfo pinfo, TreeItem tree, TreeItem ti, XdlcControl c) {
        SnapHeader h = new SnapHeader(KaitaiTvb.stream(headerIo, tvb, offset, SNAP_LEN));
        long code = h.oui();
        int protocolId = h.pid();
        boolean xerox = code == OUI_ENCAP_ETHER;
        String ouiText = String.format("%02x:%02x:%02x", code >> 16, (code >> 8) & 0xff, code & 0xff);
        ti.add(oui, tvb, offset, 3, code)
                .setText("Organization Code: " + ouiText + (xerox ? " (" + XEROX_LABEL : ""));
        pinfo.columns().appendInfo(String.format("; SNAP, OUI 0x%06X (%s), PID 0x%04X", code,
                xerox ? XEROX_NAME : "Unknown", protocolId));
        Tvb next = tvb.subset(offset + SNAP_LEN);
        boolean ethertype = code == OUI_ENCAP_ETHER || code == OUI_CISCO_90;
        if (ethertype && c.isInformation()) {
            ti.add(type, tvb, offset + 3, 2, protocolId);
            if (!PayloadDispatch.tryUint(ethertypes, protocolId, next, pinfo, tree)) {
                pinfo.callContained(data, next, tree);
            }
            return;
        }
        if (!ethertype) {
            ti.add(pid, tvb, offset + 3, 2, protocolId);
        }
        pinfo.callContained(data, next, tree);
    }
}
