package io.jdissect.protocols.multipart;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.text.MediaContent;

/**
 * Wireshark's generic {@code media} dissector (packet-media.c), the fallback for a body whose
 * media type no dissector takes: a "Media Type" item with {@code media.type} holding the bytes,
 * shown as {@code type; parameters (N bytes)}, and {@code " (type)"} appended to Info.
 */
final class MediaDissector {
    static final String HANDLE = "media";

    private final ProtocolDef proto;
    private final FieldDef type;

    MediaDissector(DissectorRegistry registry) {
        proto = registry.fields().protocol("Media Type", "Media", "media");
        type = registry.fields().field(proto, "media.type", "Media type", FieldType.FT_BYTES).register();
        registry.register(HANDLE, proto, this::dissect);
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        int n = tvb.reportedLength();
        MediaContent info = pinfo.get(MediaContent.class);
        String match = info == null ? "" : info.mediaType();
        // packet-media.c names the type in Info even for an empty body (which it then declines).
        pinfo.columns().appendInfo(" (" + match + ")");
        if (n > 0) {
            TreeItem item = tree.add(proto.field(), tvb, 0, n);
            String shown = info != null && info.parameters() != null ? match + "; " + info.parameters() : match;
            item.addBytes(type, tvb, 0, n)
                    .setText("Media type: " + shown + " (" + n + " byte" + (n == 1 ? "" : "s") + ")");
        }
        return n;
    }
}
