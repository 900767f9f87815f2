package io.jdissect.protocols.imf;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * jdissect's own {@code imf.x.*} items, added after tshark's under the IMF item (preference
 * {@code imf.x_decoded_fields}): every header field with its value unfolded and RFC 2047-decoded
 * ({@code imf.x.header}, with {@code .name} and {@code .unfolded}), the decoded subject, and the
 * mailboxes of From/Sender/Reply-To/To/Cc/Bcc parsed by the RFC 5322 grammar, each with
 * {@code imf.x.display_name}, {@code imf.x.address} and, in a group, {@code imf.x.group}.
 */
final class ImfDecodedItems {
    private final DissectorRegistry registry;
    private final ImfFields f;

    ImfDecodedItems(DissectorRegistry registry, ImfFields fields) {
        this.registry = registry;
        this.f = fields;
    }

    void add(Tvb tvb, PacketInfo pinfo, TreeItem imf) {
        if (!f.decodedFields.bool()) {
            return;
        }
        // Parsed in the data source itself, not in a copy: offsets come back as indices in its array.
        int base = tvb.arrayOffset();
        HeaderSection section = HeaderSection.parse(tvb.array(), base, base + tvb.length(), limits());
        TreeItem x = imf.add(f.x, tvb, 0, section.bodyStart() - base).generated();
        for (HeaderField h : section.fields()) {
            int at = h.offset() - base;
            TreeItem item = x.add(f.xHeader, tvb, at, h.length(), h.decoded()).generated()
                    .setText(h.name() + ": " + h.decoded());
            item.add(f.xHeaderName, tvb, at, h.name().length(), h.name()).generated();
            item.add(f.xHeaderUnfolded, tvb, at, h.length(), h.unfolded()).generated();
            if (h.truncated()) {
                registry.expert().add(item, f.xValueTruncated, tvb, at, h.length());
            }
            if (h.unknownCharset() != null) {
                registry.expert().add(item, f.xUnknownCharset, tvb, at, h.length(),
                        "Encoded-word in unknown charset \"" + h.unknownCharset() + "\" left encoded");
            }
            if (h.is("Subject")) {
                x.add(f.xSubject, tvb, at, h.length(), h.decoded()).generated();
            }
            var role = f.xAddressRoles.get(h.name().toLowerCase(java.util.Locale.ROOT));
            if (role != null) {
                for (MailAddress a : AddressParser.parse(h.unfolded())) {
                    TreeItem m = x.add(role, tvb, at, h.length(), a.toString()).generated();
                    if (a.displayName() != null && !a.displayName().isEmpty()) {
                        m.add(f.xDisplayName, tvb, at, h.length(), a.displayName()).generated();
                    }
                    m.add(f.xAddress, tvb, at, h.length(), a.address()).generated();
                    if (a.group() != null) {
                        m.add(f.xGroup, tvb, at, h.length(), a.group()).generated();
                    }
                }
            }
        }
        if (section.limitHit()) {
            registry.expert().add(x, f.xHeaderLimit, tvb, 0, 0);
        }
    }

    private MimeLimits limits() {
        return new MimeLimits((int) Math.min(Integer.MAX_VALUE, f.maxHeaders.uint()),
                (int) Math.min(Integer.MAX_VALUE, f.maxHeaderLength.uint()), MimeLimits.DEFAULT.maxDepth(),
                MimeLimits.DEFAULT.maxParts());
    }
}
