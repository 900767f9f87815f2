package io.jdissect.dissect;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.WantedName;
import io.jdissect.api.ProtocolDef;

/**
 * Whether a run reads anything that dissecting a message body gives (lazy dissection, see
 * {@link PacketInfo#wants}): the items of the protocols on the {@code media_type} table (MIME
 * multipart, text lines, IMF for message/rfc822, a plugin's), the columns they write, the layers
 * they add to frame.protocols. Bodies are most of an SMTP capture's bytes: a run that filters on
 * commands or on the top-level headers skips them.
 */
public final class BodyNeeds {
    private static final WantedName PROTOCOLS = new WantedName("frame.protocols");
    private static final WantedName DATA = new WantedName("data");
    private static final WantedName MEDIA = new WantedName("media");

    private BodyNeeds() {
    }

    /**
     * Whether the run reads what a payload gives when no dissector takes it: data's items, its layer
     * in {@code frame.protocols}, the columns.
     */
    public static boolean undissectedPayloadRead(PacketInfo pinfo) {
        return pinfo.columns().active() || pinfo.wants(PROTOCOLS) || pinfo.wants(DATA);
    }

    /**
     * @param nestedMessages whether the body may hold a message of its own (so that IMF's items
     *                       could come out of it)
     */
    public static boolean read(PacketInfo pinfo, DissectorRegistry registry, boolean nestedMessages) {
        if (undissectedPayloadRead(pinfo) || pinfo.wants(MEDIA)) {
            return true;
        }
        DissectorTable media = registry.findTable(DissectorRegistry.MEDIA_TYPE);
        if (media == null) {
            return false;
        }
        for (DissectorHandle h : media.handles()) {
            ProtocolDef p = h.protocol();
            if (p != null && (nestedMessages || !p.abbrev().equals("imf")) && pinfo.wants(p.field())) {
                return true;
            }
        }
        return false;
    }
}
