package io.jdissect.filter;

import io.jdissect.api.TreeItem;

/**
 * The value of a protocol (FT_PROTOCOL) in a filter, as tshark keeps it: the item's bytes for
 * equality, order, slices and len(), but the whole rest of the dissector's data (from the item to
 * the end of its tvb, payload included) for {@code contains} and {@code matches}, so
 * {@code tcp contains "QUIT"} finds the command in the segment's payload.
 */
final class ProtocolValue {
    private final TreeItem item;
    private byte[] itemBytes;
    private byte[] tvbBytes;

    ProtocolValue(TreeItem item) {
        this.item = item;
    }

    byte[] itemBytes() {
        if (itemBytes == null) {
            itemBytes = item.itemBytes();
        }
        return itemBytes;
    }

    byte[] tvbBytes() {
        if (tvbBytes == null) {
            int n = item.tvb() == null ? 0 : Math.max(0, item.tvb().remaining(item.offset()));
            tvbBytes = n == 0 ? itemBytes() : item.tvb().bytes(item.offset(), n);
        }
        return tvbBytes;
    }
}
