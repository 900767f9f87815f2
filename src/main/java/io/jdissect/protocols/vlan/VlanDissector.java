package io.jdissect.protocols.vlan;

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
import io.jdissect.kaitai.VlanTag;
import io.jdissect.protocols.eth.EtherTypes;
import io.jdissect.protocols.eth.EthertypeDissector;

import java.util.Map;

/**
 * IEEE 802.1Q VLAN tags (packet-vlan.c) and the 802.1ad service tag of Q-in-Q
 * (packet-ieee8021ah.c, protocol "ieee8021ad"): priority, drop eligibility and VLAN id, then the
 * encapsulated type through the ethertype dispatcher, so stacked tags read
 * {@code eth:ethertype:ieee8021ad:ethertype:vlan:ethertype:ip}. A length (802.3) instead of a type
 * is shown as {@code vlan.len} and the payload as data.
 */
final class VlanDissector {
    /** The stream every header of this dissector is parsed through (see ArrayKaitaiStream). */
    private final ArrayKaitaiStream headerIo = new ArrayKaitaiStream();
    private static final int TAG_LEN = 4;

    /** IEEE 802.1D-2004 traffic types, as tshark labels vlan.priority. */
    private static final Map<Long, String> PRIORITIES = Map.of(
            0L, "Best Effort (default)", 1L, "Background", 2L, "Excellent Effort", 3L, "Critical Applications",
            4L, "Video, < 100ms latency and jitter", 5L, "Voice, < 10ms latency and jitter",
            6L, "Internetwork Control", 7L, "Network Control");

    private final ProtocolDef vlan;
    private final FieldDef priority;
    private final FieldDef dei;
    private final FieldDef id;
    private final FieldDef etype;
    private final FieldDef len;
    private final FieldDef trailer;
    private final ProtocolDef qinq;
    private final FieldDef qinqPriority;
    private final FieldDef qinqDei;
    private final FieldDef qinqId;
    private final FieldDef qinqEtype;
    private final DissectorHandle vlanHandle;
    private final DissectorHandle qinqHandle;
    private DissectorHandle ethertype;
    private DissectorHandle data;

    VlanDissector(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        vlan = f.protocol("802.1Q Virtual LAN", "VLAN", "vlan");
        priority = f.field(vlan, "vlan.priority", "Priority", FieldType.FT_UINT16).mask(0xe000, 16).values(PRIORITIES)
                .blurb("Descriptions are recommendations from IEEE standard 802.1D-2004").register();
        dei = f.field(vlan, "vlan.dei", "DEI", FieldType.FT_BOOLEAN).mask(0x1000, 16).trueFalse("Eligible", "Ineligible")
                .blurb("Drop Eligible Indicator").register();
        id = f.field(vlan, "vlan.id", "ID", FieldType.FT_UINT16).mask(0x0fff, 16).blurb("VLAN ID").register();
        etype = f.field(vlan, "vlan.etype", "Type", FieldType.FT_UINT16).hex().values(EtherTypes.LABELS)
                .blurb("Ethertype").register();
        len = f.field(vlan, "vlan.len", "Length", FieldType.FT_UINT16).register();
        trailer = f.field(vlan, "vlan.trailer", "Trailer", FieldType.FT_BYTES).blurb("VLAN Trailer").register();
        qinq = f.protocol("IEEE 802.1ad", "IEEE 802.1ad", "ieee8021ad");
        qinqPriority = f.field(qinq, "ieee8021ad.priority", "Priority", FieldType.FT_UINT16).mask(0xe000, 16).register();
        qinqDei = f.field(qinq, "ieee8021ad.dei", "DEI", FieldType.FT_UINT16).mask(0x1000, 16)
                .blurb("Drop Eligibility").register();
        qinqId = f.field(qinq, "ieee8021ad.id", "ID", FieldType.FT_UINT16).mask(0x0fff, 16).blurb("Vlan ID").register();
        // 802.1ad shows its type with the field of the 802.1ah dissector it shares code with.
        ProtocolDef ah = f.protocol("IEEE 802.1ah", "IEEE 802.1ah", "ieee8021ah");
        qinqEtype = f.field(ah, "ieee8021ah.etype", "Type", FieldType.FT_UINT16).hex().values(EtherTypes.LABELS).register();
        vlanHandle = registry.register("vlan", vlan, this::dissectVlan);
        qinqHandle = registry.register("ieee8021ad", qinq, this::dissectQinq);
    }

    DissectorHandle vlanHandle() {
        return vlanHandle;
    }

    DissectorHandle qinqHandle() {
        return qinqHandle;
    }

    void handoff(DissectorRegistry registry) {
        ethertype = registry.handle("ethertype");
        data = registry.handle("data");
    }

    private int dissectVlan(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("VLAN");
        VlanTag tag = new VlanTag(KaitaiTvb.stream(headerIo, tvb, 0, TAG_LEN));
        int pri = tag.priority();
        int de = tag.dei() ? 1 : 0;
        int vid = tag.vlanId();
        if (pinfo.columns().active()) {
            pinfo.columns().setInfo("PRI: " + pri + "  DEI: " + de + "  ID: " + vid);
        }
        // Nothing reads the tag's fields (a filter on SMTP only, say): no item, nor its label.
        TreeItem item = pinfo.addIfWanted(tree, vlan.field(), tvb, 0, TAG_LEN)
                .setText(() -> "802.1Q Virtual LAN, PRI: " + pri + ", DEI: " + de + ", ID: " + vid);
        item.add(priority, tvb, 0, 2, pri);
        item.add(dei, tvb, 0, 2, de);
        item.add(id, tvb, 0, 2, vid);
        return encapsulated(tvb, pinfo, tree, item, tag.typeOrLength(), etype, "802.1Q Virtual LAN");
    }

    private int dissectQinq(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        pinfo.columns().setProtocol("IEEE 802.1ad");
        VlanTag tag = new VlanTag(KaitaiTvb.stream(headerIo, tvb, 0, TAG_LEN));
        int vid = tag.vlanId();
        TreeItem item = pinfo.addIfWanted(tree, qinq.field(), tvb, 0, TAG_LEN)
                .setText(() -> "IEEE 802.1ad, ID: " + vid);
        item.add(qinqPriority, tvb, 0, 2, tag.priority());
        item.add(qinqDei, tvb, 0, 2, tag.dei() ? 1 : 0);
        item.add(qinqId, tvb, 0, 2, vid);
        return encapsulated(tvb, pinfo, tree, item, tag.typeOrLength(), qinqEtype, "IEEE 802.1ad");
    }

    /** The type (or 802.3 length) after the tag, and the payload it announces. */
    private int encapsulated(Tvb tvb, PacketInfo pinfo, TreeItem tree, TreeItem item, int typeOrLength,
                             FieldDef typeField, String description) {
        if (typeOrLength <= EtherTypes.MAX_802_3_LENGTH) {
            item.add(len, tvb, 2, 2, typeOrLength);
            pinfo.callContained(data, tvb.subset(TAG_LEN), tree);
            return tvb.reportedLength();
        }
        item.add(typeField, tvb, 2, 2, typeOrLength);
        pinfo.put(EthertypeDissector.Call.class,
                new EthertypeDissector.Call(typeOrLength, TAG_LEN, item, trailer, description, 0));
        pinfo.call(ethertype, tvb, tree);
        return tvb.reportedLength();
    }
}
