package io.jdissect.protocols.text;

import io.jdissect.api.PacketInfo;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * Line-based text (Wireshark's packet-text-media.c, protocol {@code data-text-lines}, no fields):
 * one text line per line of the bytes, terminators shown, and "(k lines)" on the protocol item.
 * A caller that knows the media type puts a {@link MediaContent} in the packet info; it is shown
 * as "Line-based text data: text/plain (k lines)" and " (text/plain)" in the Info column.
 */
final class TextLinesDissector {
    private final ProtocolDef proto;

    TextLinesDissector(ProtocolDef proto) {
        this.proto = proto;
    }

    int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        MediaContent media = pinfo.get(MediaContent.class);
        String name = media == null || media.mediaType().isEmpty() ? null : media.mediaType();
        if (name != null) {
            pinfo.columns().appendInfoSep(" ", "(" + name + ")");
        }
        if (!pinfo.wants(proto.field())) {
            // The item, its lines and their count are read only by trees, JSON and what names the
            // protocol: a DATA segment of a run that reads SMTP's commands makes none.
            return tvb.length();
        }
        TreeItem item = tree.add(proto.field(), tvb, 0, tvb.reportedLength());
        int lines = 0;
        int offset = 0;
        int[] next = new int[1];
        while (offset < tvb.length()) {
            if (tvb.findLineEnd(offset, next) < 0) {
                next[0] = tvb.length();
            }
            item.addText(tvb, offset, next[0] - offset, TextFormat.of(tvb, offset, next[0] - offset));
            lines++;
            offset = next[0];
        }
        item.setText(proto.name() + (name == null ? "" : ": " + name) + " (" + lines + " lines)");
        return tvb.length();
    }
}
