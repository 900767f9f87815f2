package io.jdissect.protocols.multipart;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.Preferences;
import io.jdissect.api.ProtocolDef;

import java.util.Locale;

/**
 * The fields of MIME Multipart Media Encapsulation: tshark 4.0's 19 {@code mime_multipart.*}
 * fields in tshark's order, and jdissect's own {@code mime_multipart.x.*} fields for each part's
 * decoded content (file name decoded per RFC 2231/2047, decoded length, SHA-256).
 */
final class MultipartFields {
    /** The part headers tshark knows, with their compact forms (index = position in {@link #headers}). */
    static final String[][] KNOWN = {
        {"Content-Description", null}, {"Content-Disposition", null}, {"Content-Encoding", "e"},
        {"Content-Id", null}, {"Content-Language", null}, {"Content-Length", "l"},
        {"Content-Transfer-Encoding", null}, {"Content-Type", "c"}, {"OriginalContent", null},
    };
    static final int DISPOSITION = 1;
    static final int ENCODING = 2;
    static final int TRANSFER_ENCODING = 6;
    static final int TYPE = 7;

    final ProtocolDef proto;
    final FieldDef type;
    final FieldDef part;
    final FieldDef[] headers = new FieldDef[KNOWN.length];
    final FieldDef firstBoundary;
    final FieldDef preamble;
    final FieldDef lastBoundary;
    final FieldDef boundary;
    final FieldDef trailer;
    final Expert.Def noRequiredParameter;
    final FieldDef xFileName;
    final FieldDef xDecodedLength;
    final FieldDef xSha256;
    final Expert.Def xInvalidEncoding;
    final Expert.Def xDepthLimit;
    final Preferences.Pref decodedFields;

    MultipartFields(DissectorRegistry registry) {
        FieldRegistry f = registry.fields();
        proto = f.protocol("MIME Multipart Media Encapsulation", "MIME multipart", "mime_multipart");
        type = f.field(proto, "mime_multipart.type", "Type", FieldType.FT_STRING)
                .blurb("MIME multipart encapsulation type").register();
        part = f.field(proto, "mime_multipart.part", "Encapsulated multipart part", FieldType.FT_STRING).register();
        f.field(proto, "mime_multipart.header.sectoken-length", "Length of security token", FieldType.FT_UINT32)
                .blurb("Length of the Kerberos BLOB which follows this token").register();
        String[] blurbs = {"Content-Description Header", "RFC 2183: Content-Disposition Header",
            "Content-Encoding Header", "RFC 2045: Content-Id Header", "Content-Language Header",
            "Content-Length Header", "RFC 2045: Content-Transfer-Encoding Header", "Content-Type Header",
            "Original Content-Type Header"};
        for (int i = 0; i < KNOWN.length; i++) {
            headers[i] = f.field(proto, "mime_multipart.header." + KNOWN[i][0].toLowerCase(Locale.ROOT), KNOWN[i][0],
                    FieldType.FT_STRING).blurb(blurbs[i]).register();
        }
        firstBoundary = f.field(proto, "mime_multipart.first_boundary", "First boundary", FieldType.FT_STRING).register();
        preamble = f.field(proto, "mime_multipart.preamble", "Preamble", FieldType.FT_BYTES).register();
        lastBoundary = f.field(proto, "mime_multipart.last_boundary", "Last boundary", FieldType.FT_STRING).register();
        boundary = f.field(proto, "mime_multipart.boundary", "Boundary", FieldType.FT_STRING).register();
        trailer = f.field(proto, "mime_multipart.trailer", "Trailer", FieldType.FT_BYTES).register();
        noRequiredParameter = registry.expert(proto, "mime_multipart.no_required_parameter",
                "The multipart dissector could not find a required parameter.", Expert.Severity.ERROR,
                Expert.Group.PROTOCOL);
        registry.expert(proto, "mime_multipart.decryption_not_possible",
                "The multipart dissector could not decrypt the message.", Expert.Severity.WARNING,
                Expert.Group.UNDECODED);
        xFileName = f.field(proto, "mime_multipart.x.filename", "File name (decoded)", FieldType.FT_STRING)
                .blurb("Content-Disposition filename or Content-Type name, RFC 2231/2047 decoded (jdissect)").register();
        xDecodedLength = f.field(proto, "mime_multipart.x.decoded_length", "Decoded length", FieldType.FT_UINT32)
                .blurb("Bytes of the part's content after its Content-Transfer-Encoding is removed (jdissect)").register();
        xSha256 = f.field(proto, "mime_multipart.x.sha256", "SHA-256 of decoded content", FieldType.FT_STRING)
                .blurb("Hash of the decoded part content, exactly between its boundaries (jdissect)").register();
        xInvalidEncoding = registry.expert(proto, "mime_multipart.x.invalid_encoding",
                "Content-Transfer-Encoding errors: invalid bytes skipped", Expert.Severity.WARNING,
                Expert.Group.MALFORMED);
        xDepthLimit = registry.expert(proto, "mime_multipart.x.depth_limit",
                "MIME nesting too deep: part not dissected (preference imf.x_max_depth)", Expert.Severity.WARNING,
                Expert.Group.MALFORMED);
        decodedFields = registry.preferences().bool("mime_multipart.x_decoded_fields", true,
                "jdissect: add mime_multipart.x.* items (decoded file name, length, SHA-256) to each part");
    }

    /** is_known_multipart_header: the index in {@link #KNOWN} of a header name, or -1. */
    static int known(String name) {
        for (int i = 0; i < KNOWN.length; i++) {
            if (name.equalsIgnoreCase(KNOWN[i][0]) || (KNOWN[i][1] != null && name.equalsIgnoreCase(KNOWN[i][1]))) {
                return i;
            }
        }
        return -1;
    }
}
