package io.jdissect.protocols.imf;

import io.jdissect.api.Columns;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.dissect.BodyNeeds;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.WantedName;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.text.MediaContent;

/**
 * The Internet Message Format dissector, as tshark 4.0's packet-imf.c behaves: header fields found
 * by searching the next {@code :} (so a colon-less line is glued to the next name), values from the
 * first non-space after the colon to the field end minus its CRLF, not unfolded, bytes >= 0x80
 * as U+FFFD, no RFC 2047 decoding, addresses split on every comma; the body handed to the
 * {@code media_type} table only when Content-Type has parameters (base64-decoded first when the
 * top-level Content-Transfer-Encoding says so), else shown as {@code imf.message_text} lines.
 * Protocol column {@code <lower>/IMF}; Info {@code from: …, subject: …, } then the body lines.
 * After tshark's items come jdissect's own {@code imf.x} items ({@link ImfDecodedItems}).
 */
public final class ImfDissector {
    private static final WantedName OWN_ITEMS = new WantedName("imf.x");

    private static final String CONTACT = " (Contact Wireshark developers if you want this supported.)";

    private final ImfFields f;
    private final ImfAddressItems addresses;
    private final ImfDecodedItems decoded;
    private final ImfSioLabel sioLabel;
    private final DissectorRegistry registry;

    public ImfDissector(DissectorRegistry registry, ImfFields fields) {
        this.registry = registry;
        this.f = fields;
        this.addresses = new ImfAddressItems(fields);
        this.decoded = new ImfDecodedItems(registry, fields);
        this.sioLabel = new ImfSioLabel(registry, fields);
    }

    public int dissect(Tvb tvb, PacketInfo pinfo, TreeItem parent) {
        Columns col = pinfo.columns();
        col.setProtocol(col.protocol() + "/IMF");
        col.clearInfo();
        TreeItem tree = parent.add(f.proto.field(), tvb, 0, tvb.reportedLength());
        int max = tvb.length();
        int start = 0;
        int end = 0;
        boolean lastField = false;
        Headers headers = new Headers();
        long shown = 0;
        long maxHeaders = f.maxHeaders.uint();
        while (!lastField) {
            int colon = ImfAddressItems.find(tvb, start, max - start, ':');
            if (colon < 0) {
                end = -1;
                break;
            }
            HeaderFieldEnd fe = HeaderFieldEnd.find(tvb, colon + 1, max);
            end = fe.end;
            lastField = fe.last;
            if (end < 0) {
                break;
            }
            if (++shown > maxHeaders) {
                if (shown == maxHeaders + 1) {
                    registry.expert().add(tree, f.xHeaderLimit, tvb, start, 0);
                }
            } else {
                header(tvb, start, colon, end, tree, col, headers);
            }
            start = end;
        }
        if (lastField) {
            end += 2;
        }
        if (end < 0) {
            end = 0;
        }
        DissectorTable media = registry.findTable(DissectorRegistry.MEDIA_TYPE);
        if (headers.contentType != null && media != null) {
            col.fenceInfo();
            media(tvb, end, headers.contentType, headers.parameters, headers.encoding, media, pinfo, tree);
        } else if (pinfo.wants(f.messageText) || pinfo.columns().active()) { // a line each: items and Info
            messageText(tvb, end, col, tree);
        }
        if (pinfo.wants(OWN_ITEMS)) {
            decoded.add(tvb, pinfo, tree);
        }
        ImfExportEntry.Queue queue = pinfo.get(ImfExportEntry.Queue.class);
        if (queue == null) {
            queue = new ImfExportEntry.Queue();
            pinfo.put(ImfExportEntry.Queue.class, queue);
        }
        queue.add(new ImfExportEntry(pinfo.frameNumber(), headers.sender, headers.subject, tvb));
        return tvb.length();
    }

    /** What the header section tells the rest of the dissection. */
    private static final class Headers {
        String contentType;
        String parameters;
        String encoding;
        String sender = "";
        String subject = "";
    }

    /**
     * One header field, {@code tvb[start, end)} with its CRLF, its name ending at {@code colon}.
     * Kept out of {@link #dissect}'s loop so that C2 compiles it once: inside, the loop made C2
     * compile the whole dissector twice (on-stack replacement, then the normal entry), 0.2 s each.
     */
    private void header(Tvb tvb, int start, int colon, int end, TreeItem tree, Columns col, Headers headers) {
        ImfFields.Header h = f.lookup(tvb.ascii(start, colon - start));
        int valueOffset = colon + 1;
        while (valueOffset < end && ImfAddressItems.isSpace(tvb.u8(valueOffset))) {
            valueOffset++;
        }
        if (valueOffset == end) {
            valueOffset = colon + 1;
        }
        int valueLength = end - valueOffset - 2;
        if (h == null) {
            TreeItem item = AsciiItems.add(tree, f.extension, tvb, start, end - start - 2).appendText(CONTACT);
            AsciiItems.add(item, f.extensionType, tvb, start, colon - start);
            AsciiItems.add(item, f.extensionValue, tvb, valueOffset, valueLength);
            return;
        }
        TreeItem item = AsciiItems.add(tree, h.field(), tvb, valueOffset, valueLength);
        if (h.toInfo()) {
            int shown = AsciiItems.length(tvb, valueOffset, valueLength);
            col.appendInfo(h.name() + ": " + FormatText.text(tvb, valueOffset, shown) + ", ");
            String value = tvb.ascii(valueOffset, shown);
            if (h.field() == f.from) {
                headers.sender = value;
            } else {
                headers.subject = value;
            }
        }
        switch (h.parser()) {
            case CONTENT_TYPE -> {
                String[] tp = contentType(tvb, colon + 1, end - colon - 1, item);
                if (tp != null) {
                    headers.contentType = tp[0];
                    headers.parameters = tp[1];
                }
            }
            case TRANSFER_ENCODING -> headers.encoding = tvb.ascii(valueOffset, AsciiItems.length(tvb, valueOffset, valueLength));
            case MAILBOX -> addresses.mailbox(tvb, valueOffset, end - valueOffset, item);
            case MAILBOX_LIST -> addresses.mailboxList(tvb, valueOffset, end - valueOffset, item);
            case ADDRESS_LIST -> addresses.addressList(tvb, valueOffset, end - valueOffset, item);
            case SIO_LABEL -> sioLabel.dissect(tvb, valueOffset, end - valueOffset, item);
            default -> {
            }
        }
    }

    /** tshark's dissect_imf_content_type: the type before the first ';' and the parameters after it. */
    private String[] contentType(Tvb tvb, int offset, int length, TreeItem item) {
        for (int i = 0; i < length; i++) {
            if (!ImfAddressItems.isSpace(tvb.u8(offset + i))) {
                offset += i;
                break;
            }
        }
        // tshark keeps the length measured from before the skipped space: the search may run past the field.
        int semi = ImfAddressItems.find(tvb, offset, length, ';');
        if (semi < 0) {
            return null;
        }
        String type = AsciiItems.add(item, f.contentTypeType, tvb, offset, semi - offset).stringValue();
        HeaderFieldEnd fe = HeaderFieldEnd.find(tvb, semi + 1, offset + length);
        if (fe.end < 0) {
            return new String[] {type, null};
        }
        String params = AsciiItems.add(item, f.contentTypeParameters, tvb, semi + 1, fe.end - (semi + 1) - 2).stringValue();
        return new String[] {type, params};
    }

    private void media(Tvb tvb, int bodyOffset, String type, String parameters, String encoding,
                       DissectorTable media, PacketInfo pinfo, TreeItem tree) {
        // The body's bounds are checked whether or not it is read (tshark takes it, and a header
        // section that runs past the end is Malformed either way).
        boolean base64 = encoding != null && encoding.length() >= 6 && encoding.substring(0, 6).equalsIgnoreCase("base64");
        int bodyLength = tvb.length() - bodyOffset;
        Tvb body = null;
        if (base64) {
            tvb.ensure(bodyOffset, bodyLength);
        } else {
            body = tvb.subset(bodyOffset);
        }
        boolean bodyRead = BodyNeeds.read(pinfo, registry, false);
        if (!bodyRead && !(pinfo.wants(f.proto.field()) && NestedMessages.multipart(type))) {
            return; // nothing the run reads can come out of this body: it is not even decoded
        }
        if (base64) { // decoded from the message's own array, as MIME parts are
            body = Tvb.ofSource(encoding, TransferDecoding.base64(tvb.array(), tvb.arrayOffset() + bodyOffset, bodyLength).bytes());
        }
        if (!bodyRead && !NestedMessages.possible(type, parameters, body)) {
            return; // nothing the run reads can come out of this body
        }
        if (!MimeDepth.enter(pinfo, f.maxDepth.uint())) {
            registry.expert().add(tree, f.xDepthLimit, tvb, bodyOffset, tvb.length() - bodyOffset);
            return;
        }
        MediaContent saved = pinfo.get(MediaContent.class);
        pinfo.put(MediaContent.class, new MediaContent(type, parameters));
        try {
            media.tryDissect(type, body, pinfo, tree);
        } finally {
            pinfo.put(MediaContent.class, saved);
            MimeDepth.leave(pinfo);
        }
    }

    private void messageText(Tvb tvb, int offset, Columns col, TreeItem tree) {
        TreeItem text = tree.add(f.messageText, tvb, offset, Math.max(0, tvb.reportedLength() - offset));
        int[] next = new int[1];
        int start = offset;
        while (start < tvb.length()) {
            tvb.findLineEnd(start, next);
            String line = FormatText.textWsp(tvb, start, next[0] - start);
            text.addText(tvb, start, next[0] - start, line);
            col.appendInfoSep(", ", line);
            start = next[0];
        }
    }
}
