package io.jdissect.protocols.imf;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.Preferences;
import io.jdissect.api.ProtocolDef;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of the Internet Message Format protocol: tshark 4.0's 85 {@code imf.*} fields in
 * tshark's order, the table from header name to field and parser ({@code imf_fields[]} of
 * packet-imf.c), and jdissect's own {@code imf.x.*} fields that carry the values as RFC 5322 and
 * RFC 2047 mean them (unfolded, encoded-words decoded, addresses parsed by the grammar).
 */
public final class ImfFields {
    /** How tshark parses a header's value. */
    public enum Parser { NONE, MAILBOX, MAILBOX_LIST, ADDRESS_LIST, CONTENT_TYPE, TRANSFER_ENCODING, SIO_LABEL }

    /** One known header: its field, its parser and whether its value goes to the Info column. */
    public record Header(String name, FieldDef field, Parser parser, boolean toInfo) {
    }

    final ProtocolDef proto;
    final FieldDef contentTypeType;
    final FieldDef contentTypeParameters;
    final FieldDef extension;
    final FieldDef extensionType;
    final FieldDef extensionValue;
    final FieldDef displayName;
    final FieldDef address;
    final FieldDef addressListItem;
    final FieldDef mailboxListItem;
    final FieldDef siolabelMarking;
    final FieldDef siolabelFgcolor;
    final FieldDef siolabelBgcolor;
    final FieldDef siolabelType;
    final FieldDef siolabelLabel;
    final FieldDef siolabelUnknown;
    final FieldDef messageText;
    final Expert.Def unknownParam;
    final FieldDef from;
    final FieldDef subject;

    // jdissect's own fields (imf.x.*)
    final FieldDef x;
    final FieldDef xHeader;
    final FieldDef xHeaderName;
    final FieldDef xHeaderUnfolded;
    final FieldDef xSubject;
    final Map<String, FieldDef> xAddressRoles = new HashMap<>();
    final FieldDef xDisplayName;
    final FieldDef xAddress;
    final FieldDef xGroup;
    final Expert.Def xUnknownCharset;
    final Expert.Def xHeaderLimit;
    final Expert.Def xValueTruncated;
    final Preferences.Pref maxHeaders;
    final Preferences.Pref maxHeaderLength;
    final Preferences.Pref decodedFields;
    final Preferences.Pref maxDepth;
    final Expert.Def xDepthLimit;

    private final Map<String, Header> headers = new HashMap<>();

    public ImfFields(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("Internet Message Format", "IMF", "imf");
        header(f, "date", "imf.date", "Date", Parser.NONE, "DateTime");
        from = header(f, "from", "imf.from", "From", Parser.MAILBOX_LIST, "MailboxList");
        header(f, "sender", "imf.sender", "Sender", Parser.MAILBOX);
        header(f, "reply-to", "imf.reply_to", "Reply-To", Parser.ADDRESS_LIST);
        header(f, "to", "imf.to", "To", Parser.ADDRESS_LIST);
        header(f, "cc", "imf.cc", "Cc", Parser.ADDRESS_LIST);
        header(f, "bcc", "imf.bcc", "Bcc", Parser.ADDRESS_LIST);
        header(f, "message-id", "imf.message_id", "Message-ID", Parser.NONE);
        header(f, "in-reply-to", "imf.in_reply_to", "In-Reply-To", Parser.NONE);
        header(f, "references", "imf.references", "References", Parser.NONE);
        subject = header(f, "subject", "imf.subject", "Subject", Parser.NONE);
        header(f, "comments", "imf.comments", "Comments", Parser.NONE);
        header(f, "user-agent", "imf.user_agent", "User-Agent", Parser.NONE);
        header(f, "keywords", "imf.keywords", "Keywords", Parser.NONE);
        header(f, "resent-date", "imf.resent.date", "Resent-Date", Parser.NONE);
        header(f, "resent-from", "imf.resent.from", "Resent-From", Parser.MAILBOX_LIST);
        header(f, "resent-sender", "imf.resent.sender", "Resent-Sender", Parser.MAILBOX);
        header(f, "resent-to", "imf.resent.to", "Resent-To", Parser.ADDRESS_LIST);
        header(f, "resent-cc", "imf.resent.cc", "Resent-Cc", Parser.ADDRESS_LIST);
        header(f, "resent-bcc", "imf.resent.bcc", "Resent-Bcc", Parser.ADDRESS_LIST);
        header(f, "resent-message-id", "imf.resent.message_id", "Resent-Message-ID", Parser.NONE);
        header(f, "return-path", "imf.return_path", "Return-Path", Parser.NONE);
        header(f, "received", "imf.received", "Received", Parser.NONE);
        header(f, "content-type", "imf.content.type", "Content-Type", Parser.CONTENT_TYPE);
        contentTypeType = string(f, "imf.content.type.type", "Type");
        contentTypeParameters = string(f, "imf.content.type.parameters", "Parameters");
        header(f, "content-description", "imf.content.description", "Content-Description", Parser.NONE);
        header(f, "content-id", "imf.content.id", "Content-ID", Parser.NONE);
        header(f, "content-transfer-encoding", "imf.content.transfer_encoding", "Content-Transfer-Encoding",
                Parser.TRANSFER_ENCODING);
        header(f, "mime-version", "imf.mime_version", "MIME-Version", Parser.NONE);
        // RFC 2156 (MIXER) headers, all unparsed.
        String[][] mixer = {
            {"autoforwarded", "Autoforwarded"}, {"autosubmitted", "Autosubmitted"},
            {"x400-content-identifier", "X400-Content-Identifier"}, {"content-language", "Content-Language"},
            {"conversion", "Conversion"}, {"conversion-with-loss", "Conversion-With-Loss"},
            {"delivery-date", "Delivery-Date"}, {"discarded-x400-ipms-extensions", "Discarded-X400-IPMS-Extensions"},
            {"discarded-x400-mts-extensions", "Discarded-X400-MTS-Extensions"},
            {"dl-expansion-history", "DL-Expansion-History"}, {"deferred-delivery", "Deferred-Delivery"},
            {"expires", "Expires"}, {"importance", "Importance"}, {"incomplete-copy", "Incomplete-Copy"},
            {"latest-delivery-time", "Latest-Delivery-Time"}, {"message-type", "Message-Type"},
            {"original-encoded-information-types", "Original-Encoded-Information-Types"},
            {"originator-return-address", "Originator-Return-Address"}, {"priority", "Priority"},
            {"reply-by", "Reply-By"}, {"sensitivity", "Sensitivity"}, {"supersedes", "Supersedes"},
            {"x400-content-type", "X400-Content-Type"}, {"x400-mts-identifier", "X400-MTS-Identifier"},
            {"x400-originator", "X400-Originator"}, {"x400-received", "X400-Received"},
            {"x400-recipients", "X400-Recipients"},
        };
        for (String[] m : mixer) {
            header(f, m[0], "imf." + m[0].replace('-', '_'), m[1], Parser.NONE);
        }
        header(f, "delivered-to", "imf.delivered_to", "Delivered-To", Parser.MAILBOX);
        header(f, "x-mailer", "imf.ext.mailer", "X-Mailer", Parser.NONE);
        header(f, "x-mimeole", "imf.ext.mimeole", "X-MimeOLE", Parser.NONE);
        header(f, "expiry-date", "imf.ext.expiry-date", "Expiry-Date", Parser.NONE);
        header(f, "x-ms-tnef-correlator", "imf.ext.tnef-correlator", "X-MS-TNEF-Correlator", Parser.NONE);
        header(f, "x-uidl", "imf.ext.uidl", "X-UIDL", Parser.NONE);
        header(f, "x-authentication-warning", "imf.ext.authentication_warning", "X-Authentication-Warning",
                Parser.NONE);
        header(f, "x-virus-scanned", "imf.ext.virus_scanned", "X-Virus-Scanned", Parser.NONE);
        header(f, "x-original-to", "imf.ext.original-to", "X-Original-To", Parser.ADDRESS_LIST);
        header(f, "thread-index", "imf.thread-index", "Thread-Index", Parser.NONE);
        header(f, "lines", "imf.lines", "Lines", Parser.NONE);
        header(f, "precedence", "imf.precedence", "Precedence", Parser.NONE);
        extension = string(f, "imf.extension", "Unknown-Extension");
        extensionType = string(f, "imf.extension.type", "Type");
        extensionValue = string(f, "imf.extension.value", "Value");
        displayName = string(f, "imf.display_name", "Display-Name");
        address = string(f, "imf.address", "Address");
        addressListItem = string(f, "imf.address_list.item", "Item");
        mailboxListItem = string(f, "imf.mailbox_list.item", "Item");
        FieldDef siolabel = f.field(proto, "imf.siolabel", "SIO-Label", FieldType.FT_NONE).register();
        headers.put("sio-label", new Header("sio-label", siolabel, Parser.SIO_LABEL, false));
        siolabelMarking = string(f, "imf.siolabel.marking", "Marking");
        siolabelFgcolor = string(f, "imf.siolabel.fgcolor", "Foreground Color");
        siolabelBgcolor = string(f, "imf.siolabel.bgcolor", "Background Color");
        siolabelType = string(f, "imf.siolabel.type", "Type");
        siolabelLabel = string(f, "imf.siolabel.label", "Label");
        siolabelUnknown = string(f, "imf.siolabel.unknown", "Unknown parameter");
        messageText = f.field(proto, "imf.message_text", "Message-Text", FieldType.FT_NONE).register();
        unknownParam = registry.expert(proto, "imf.unknown_param", "Unknown parameter",
                Expert.Severity.WARNING, Expert.Group.PROTOCOL);

        x = f.field(proto, "imf.x", "Decoded header section (jdissect)", FieldType.FT_NONE)
                .blurb("The header fields unfolded and RFC 2047-decoded, addresses parsed by RFC 5322 (not in tshark)")
                .register();
        xHeader = f.field(proto, "imf.x.header", "Header", FieldType.FT_STRING)
                .blurb("Header field value, unfolded and with RFC 2047 encoded-words decoded").register();
        xHeaderName = f.field(proto, "imf.x.header.name", "Name", FieldType.FT_STRING).register();
        xHeaderUnfolded = f.field(proto, "imf.x.header.unfolded", "Unfolded value", FieldType.FT_STRING)
                .blurb("Header field value unfolded but not decoded (raw UTF-8 kept)").register();
        xSubject = f.field(proto, "imf.x.subject", "Subject (decoded)", FieldType.FT_STRING).register();
        for (String[] role : new String[][] {{"from", "From"}, {"sender", "Sender"}, {"reply_to", "Reply-To"},
            {"to", "To"}, {"cc", "Cc"}, {"bcc", "Bcc"}}) {
            xAddressRoles.put(role[1].toLowerCase(Locale.ROOT), f.field(proto, "imf.x." + role[0],
                    role[1] + " mailbox (RFC 5322)", FieldType.FT_STRING).register());
        }
        xDisplayName = f.field(proto, "imf.x.display_name", "Display name (decoded)", FieldType.FT_STRING).register();
        xAddress = f.field(proto, "imf.x.address", "Address (addr-spec)", FieldType.FT_STRING).register();
        xGroup = f.field(proto, "imf.x.group", "Group name (decoded)", FieldType.FT_STRING).register();
        xUnknownCharset = registry.expert(proto, "imf.x.unknown_charset",
                "Encoded-word in an unknown charset (left encoded)", Expert.Severity.WARNING, Expert.Group.UNDECODED);
        xHeaderLimit = registry.expert(proto, "imf.x.header_limit",
                "Too many header fields: the rest are not shown (preference imf.x_max_headers)",
                Expert.Severity.WARNING, Expert.Group.MALFORMED);
        xValueTruncated = registry.expert(proto, "imf.x.value_truncated",
                "Header value too long: decoded value truncated (preference imf.x_max_header_length)",
                Expert.Severity.WARNING, Expert.Group.MALFORMED);
        maxHeaders = registry.preferences().uint("imf.x_max_headers", 10_000,
                "jdissect: most header fields shown per message; more are flagged, not shown");
        maxHeaderLength = registry.preferences().uint("imf.x_max_header_length", 65_536,
                "jdissect: longest decoded header value (characters) in imf.x.* fields");
        xDepthLimit = registry.expert(proto, "imf.x.depth_limit",
                "MIME nesting too deep: body not dissected (preference imf.x_max_depth)",
                Expert.Severity.WARNING, Expert.Group.MALFORMED);
        maxDepth = registry.preferences().uint(MimeDepth.PREFERENCE, 20,
                "jdissect: deepest nesting of messages and multiparts dissected");
        decodedFields = registry.preferences().bool("imf.x_decoded_fields", true,
                "jdissect: add the imf.x.* items (decoded headers, RFC 5322 addresses) after tshark's");
    }

    private FieldDef header(FieldRegistry f, String name, String abbrev, String display, Parser parser) {
        return header(f, name, abbrev, display, parser, null);
    }

    private FieldDef header(FieldRegistry f, String name, String abbrev, String display, Parser parser, String blurb) {
        FieldRegistry.Builder b = f.field(proto, abbrev, display, FieldType.FT_STRING);
        if (blurb != null) {
            b.blurb(blurb);
        }
        FieldDef def = b.register();
        boolean toInfo = name.equals("from") || name.equals("subject");
        headers.put(name, new Header(name, def, parser, toInfo));
        return def;
    }

    private FieldDef string(FieldRegistry f, String abbrev, String name) {
        return f.field(proto, abbrev, name, FieldType.FT_STRING).register();
    }

    /** The known header named {@code name} (any case, exactly as written), or null. */
    public Header lookup(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public ProtocolDef protocol() {
        return proto;
    }
}
