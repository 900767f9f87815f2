package io.jdissect.protocols.multipart;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.WantedName;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.imf.AsciiItems;
import io.jdissect.protocols.imf.FormatText;
import io.jdissect.protocols.imf.HeaderField;
import io.jdissect.protocols.imf.HeaderFieldEnd;
import io.jdissect.protocols.imf.MediaTypeParameters;
import io.jdissect.protocols.imf.MimeDepth;
import io.jdissect.protocols.imf.MimeEntity;
import io.jdissect.protocols.imf.MimeParameters;
import io.jdissect.protocols.imf.TransferDecoding;
import io.jdissect.protocols.text.MediaContent;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * MIME multipart as tshark 4.0's packet-multipart.c dissects it: boundary from the {@code
 * boundary=} parameter, preamble, {@code --B\r\n} first boundary, then per part its known headers
 * (values unfolded and compacted, tree text the raw lines) and its body handed to the
 * {@code media_type} table ({@code application/octet-stream} and parts without Content-Type go
 * to {@code data}, types nobody takes to {@code media}), boundaries {@code \r\n--B\r\n}, last
 * boundary, trailer. Base64 parts are not decoded in tshark's tree; jdissect adds each part's
 * decoded length, SHA-256 and decoded file name ({@code mime_multipart.x.*}).
 */
final class MultipartDissector {
    private static final WantedName OWN_ITEMS = new WantedName("mime_multipart.x");

    private final DissectorRegistry registry;
    private final MultipartFields f;

    MultipartDissector(DissectorRegistry registry, MultipartFields fields) {
        this.registry = registry;
        this.f = fields;
    }

    /** Where a boundary line starts (its leading line end included) and how long it is. */
    private record Boundary(int start, int lineLength, boolean last) {
    }

    int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree) {
        MediaContent info = pinfo.get(MediaContent.class);
        String type = info == null ? null : info.mediaType();
        String boundary = null;
        if (type != null && info.parameters() != null) {
            String params = MimeHeaderCompactor.compact(info.parameters()).text();
            boundary = MediaTypeParameters.find(params, "boundary");
            if (boundary != null && type.startsWith("multipart/encrypted")
                    && MediaTypeParameters.find(params, "protocol") == null) {
                boundary = null;
            }
        }
        DissectorHandle data = registry.handle("data");
        if (boundary == null) {
            registry.expert().add(tree, f.noRequiredParameter, tvb, 0, tvb.reportedLength());
            pinfo.call(data, tvb, tree);
            return tvb.reportedLength();
        }
        TreeItem item = tree.add(f.proto.field(), tvb, 0, tvb.reportedLength())
                .appendText(", Type: " + type + ", Boundary: \"" + boundary + "\"");
        item.add(f.type, tvb, 0, 0, type).generated();
        pinfo.columns().fenceInfo();
        byte[] b = boundary.getBytes(StandardCharsets.UTF_8);
        boolean[] last = new boolean[1];
        int start = preamble(tvb, item, b, last);
        if (start < 0) {
            pinfo.call(data, tvb, item);
            return tvb.reportedLength();
        }
        while (!last[0]) {
            start = bodyPart(tvb, pinfo, item, b, start, last);
            if (start < 0) {
                return tvb.reportedLength();
            }
        }
        if (tvb.reportedLength() - start > 0) {
            item.add(f.trailer, tvb, start, tvb.reportedLength() - start, tvb.bytes(start, tvb.length() - start));
        }
        return tvb.reportedLength();
    }

    private int preamble(Tvb tvb, TreeItem tree, byte[] boundary, boolean[] last) {
        Boundary first = findFirst(tvb, boundary);
        if (first == null) {
            return -1;
        }
        last[0] = first.last;
        if (first.start > 0) {
            if (first.lineLength <= 0) {
                return -1;
            }
            tree.add(f.preamble, tvb, 0, first.start, tvb.bytes(0, first.start));
        }
        AsciiItems.add(tree, f.firstBoundary, tvb, first.start, first.lineLength);
        return first.start + first.lineLength;
    }

    private int bodyPart(Tvb tvb, PacketInfo pinfo, TreeItem tree, byte[] boundary, int start, boolean[] last) {
        TreeItem ti = tree.add(f.part, tvb, start, 0, "");
        Boundary next = findNext(tvb, start, boundary);
        if (next == null || next.start <= 0) {
            return -1;
        }
        last[0] = next.last;
        int offset = start;
        int nextOffset = 0;
        String contentType = null;
        String mediaParams = null;
        String transferEncoding = null;
        String fileName = null;
        String typeName = null;
        boolean raw = false;
        boolean lastField = false;
        while (!lastField) {
            HeaderFieldEnd fe = HeaderFieldEnd.find(tvb, offset, tvb.reportedLength());
            nextOffset = fe.end;
            lastField = fe.last;
            if (lastField && nextOffset + 2 <= next.start) {
                nextOffset += 2;
            } else if (nextOffset - 2 == next.start) {
                lastField = true;
                nextOffset -= 2;
            } else if (nextOffset > next.start) {
                nextOffset = next.start;
            }
            int len = AsciiItems.length(tvb, offset, nextOffset - offset);
            MimeHeaderCompactor header = MimeHeaderCompactor.compact(tvb.ascii(offset, len));
            if (header.firstColon() <= 0) {
                nextOffset = offset;
                break;
            }
            int index = MultipartFields.known(header.text().substring(0, header.firstColon()));
            String rawText = FormatText.text(tvb, offset, len);
            if (index < 0) {
                if (!printable(header.text())) {
                    nextOffset = offset;
                    break;
                }
                ti.addText(tvb, offset, len, rawText);
            } else {
                String value = header.text().substring(header.firstColon() + 1);
                ti.add(f.headers[index], tvb, offset, len, value).setText(rawText);
                String line = HeaderField.text(tvb.bytes(offset, len), 0, len);
                MimeParameters decoded = MimeParameters.parse(HeaderField.unfold(line.substring(line.indexOf(':') + 1)));
                switch (index) {
                    case MultipartFields.TYPE -> {
                        int semi = value.indexOf(';');
                        mediaParams = semi < 0 ? null : value.substring(semi + 1);
                        contentType = (semi < 0 ? value : value.substring(0, semi)).toLowerCase(Locale.ROOT);
                        ti.appendText(" (" + contentType + ")");
                        raw = contentType.startsWith("application/octet-stream");
                        typeName = decoded.get("name");
                    }
                    case MultipartFields.TRANSFER_ENCODING -> transferEncoding = cut(value).toLowerCase(Locale.ROOT);
                    case MultipartFields.DISPOSITION -> fileName = decoded.get("filename");
                    default -> {
                    }
                }
            }
            offset = nextOffset;
        }
        int bodyStart = nextOffset;
        Tvb body = tvb.subset(bodyStart, next.start - bodyStart);
        if (!raw && contentType != null) {
            media(body, pinfo, ti, contentType, mediaParams);
        } else {
            pinfo.call(registry.handle("data"), body, ti);
        }
        if (pinfo.wants(OWN_ITEMS)) { // decoding and hashing the part feed only these items
            decodedItems(ti, body, transferEncoding, fileName != null ? fileName : typeName);
        }
        ti.setLength(next.start - start);
        AsciiItems.add(tree, next.last ? f.lastBoundary : f.boundary, tvb, next.start, next.lineLength);
        return next.start + next.lineLength;
    }

    private void media(Tvb body, PacketInfo pinfo, TreeItem ti, String contentType, String params) {
        if (!MimeDepth.enter(pinfo, registry.preferences().get(MimeDepth.PREFERENCE).uint())) {
            registry.expert().add(ti, f.xDepthLimit, body, 0, body.length());
            return;
        }
        MediaContent saved = pinfo.get(MediaContent.class);
        pinfo.put(MediaContent.class, new MediaContent(contentType, params));
        try {
            DissectorTable media = registry.table(DissectorRegistry.MEDIA_TYPE);
            if (media.tryDissect(contentType, body, pinfo, ti) <= 0) {
                pinfo.call(registry.handle(MediaDissector.HANDLE), body, ti);
            }
        } finally {
            pinfo.put(MediaContent.class, saved);
            MimeDepth.leave(pinfo);
        }
    }

    private void decodedItems(TreeItem ti, Tvb body, String transferEncoding, String fileName) {
        if (!f.decodedFields.bool()) {
            return;
        }
        // Decoded from the body's data source: decoding copies anyway.
        TransferDecoding.Decoded d = TransferDecoding.decode(transferEncoding, body.array(), body.arrayOffset(), body.length());
        if (fileName != null) {
            ti.add(f.xFileName, body, 0, body.length(), fileName).generated();
        }
        ti.add(f.xDecodedLength, body, 0, body.length(), d.bytes().length).generated();
        ti.add(f.xSha256, body, 0, body.length(), MimeEntity.sha256(d.bytes())).generated();
        if (d.errors() > 0) {
            registry.expert().add(ti, f.xInvalidEncoding, body, 0, body.length(),
                    "Content-Transfer-Encoding " + transferEncoding + ": " + d.errors() + " invalid byte(s) skipped");
        }
    }

    /** The value up to a CR (tshark cuts Content-(Transfer-)Encoding there). */
    private static String cut(String value) {
        int cr = value.indexOf('\r');
        return cr < 0 ? value : value.substring(0, cr);
    }

    /** isprint_string: printable ASCII only. */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** find_first_boundary: a line starting with "--B" (the first boundary has no line end before it). */
    private static Boundary findFirst(Tvb tvb, byte[] b) {
        int offset = 0;
        int[] next = new int[1];
        while (offset + 2 + b.length < tvb.length()) {
            if (matches(tvb, offset, DASHES) && matches(tvb, offset + 2, b)) {
                boolean last = matches(tvb, offset + 2 + b.length, DASHES);
                lineEnd(tvb, offset, next);
                return new Boundary(offset, next[0] - offset, last);
            }
            lineEnd(tvb, offset, next);
            offset = next[0];
        }
        return null;
    }

    /** find_next_boundary: the line end before "--B" starts the boundary; "--B--" glued to a line counts too. */
    private static Boundary findNext(Tvb tvb, int start, byte[] b) {
        int offset = start;
        int[] next = new int[1];
        while (offset + 2 + b.length < tvb.length()) {
            int lineLength = lineEnd(tvb, offset, next);
            int boundaryStart = offset + lineLength;
            int nextOffset = next[0];
            if (matches(tvb, nextOffset, DASHES) && matches(tvb, nextOffset + 2, b)) {
                boolean last = matches(tvb, nextOffset + 2 + b.length, DASHES);
                int[] after = new int[1];
                lineEnd(tvb, nextOffset, after);
                return new Boundary(boundaryStart, after[0] - boundaryStart, last);
            }
            if (matches(tvb, boundaryStart - 2, DASHES) && matches(tvb, boundaryStart - 2 - b.length, b)
                    && matches(tvb, boundaryStart - 4 - b.length, DASHES)) {
                int s = boundaryStart - (4 + b.length);
                return new Boundary(s, nextOffset - s, true);
            }
            offset = nextOffset;
        }
        return null;
    }

    private static final byte[] DASHES = {'-', '-'};

    /** tvb_strneql == 0: false (not an exception) when the bytes are not all there. */
    private static boolean matches(Tvb tvb, int offset, byte[] s) {
        if (offset < 0 || offset + s.length > tvb.length()) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (tvb.u8(offset + i) != (s[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** tvb_find_line_end without desegmenting: a line with no end runs to the end of the data. */
    private static int lineEnd(Tvb tvb, int offset, int[] next) {
        int len = tvb.findLineEnd(offset, next);
        return len < 0 ? tvb.length() - offset : len;
    }
}
