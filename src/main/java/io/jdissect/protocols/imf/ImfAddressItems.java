package io.jdissect.protocols.imf;

import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * tshark's address sub-trees, reproduced exactly (packet-imf.c): lists split on every comma
 * (quotes ignored), a list item with a colon is a group whose display name loses its last
 * character, a mailbox's display name runs from its first non-space to one byte before
 * {@code <}, and the last item keeps the field's CRLF. These are tshark's values; the RFC 5322
 * reading is in {@link AddressParser}.
 */
final class ImfAddressItems {
    private final ImfFields f;

    ImfAddressItems(ImfFields fields) {
        this.f = fields;
    }

    void mailbox(Tvb tvb, int offset, int length, TreeItem item) {
        int lt = find(tvb, offset, length, '<');
        if (lt < 0) {
            AsciiItems.add(item, f.address, tvb, offset, length);
            return;
        }
        int start = offset;
        while (start < lt && isSpace(tvb.u8(start))) {
            start++;
        }
        if (start != lt) {
            AsciiItems.add(item, f.displayName, tvb, start, lt - start - 1);
        }
        int gt = find(tvb, lt + 1, length - (lt + 1 - offset), '>');
        if (gt >= 0) {
            AsciiItems.add(item, f.address, tvb, lt + 1, gt - lt - 1);
        }
    }

    void address(Tvb tvb, int offset, int length, TreeItem item) {
        int colon = find(tvb, offset, length, ':');
        if (colon < 0) {
            mailbox(tvb, offset, length, item);
            return;
        }
        TreeItem group = AsciiItems.add(item, f.displayName, tvb, offset, colon - offset - 1);
        int p = colon + 1;
        while (p < offset + length && isSpace(tvb.u8(p))) {
            p++;
        }
        if (tvb.u8(p) != ';') {
            mailboxList(tvb, p, length - (p - offset), group);
        }
    }

    void addressList(Tvb tvb, int offset, int length, TreeItem item) {
        list(tvb, offset, length, item, true);
    }

    void mailboxList(Tvb tvb, int offset, int length, TreeItem item) {
        list(tvb, offset, length, item, false);
    }

    private void list(Tvb tvb, int offset, int length, TreeItem item, boolean addresses) {
        int count = 0;
        int itemOffset = offset;
        int comma;
        do {
            comma = find(tvb, itemOffset, length - (itemOffset - offset), ',');
            count++;
            int itemLength = comma < 0 ? length - (itemOffset - offset) : comma - itemOffset;
            TreeItem sub = AsciiItems.add(item, addresses ? f.addressListItem : f.mailboxListItem, tvb,
                    itemOffset, itemLength);
            if (addresses) {
                address(tvb, itemOffset, itemLength, sub);
            } else {
                mailbox(tvb, itemOffset, itemLength, sub);
            }
            if (comma >= 0) {
                itemOffset = comma + 1;
            }
        } while (comma >= 0);
        item.appendText(", " + count + " item" + (count == 1 ? "" : "s"));
    }

    /** tvb_find_guint8 within {@code length} bytes (captured bytes only); -1 if absent. */
    static int find(Tvb tvb, int offset, int length, int b) {
        return tvb.find(offset, offset + Math.max(0, length), (byte) b);
    }

    /** g_ascii_isspace. */
    static boolean isSpace(int c) {
        return FormatText.isAsciiSpace(c);
    }
}
