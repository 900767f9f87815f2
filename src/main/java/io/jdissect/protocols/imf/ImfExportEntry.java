package io.jdissect.protocols.imf;

import io.jdissect.api.Tvb;

import java.util.ArrayList;
import java.util.List;

/**
 * What the IMF dissector reports to export-objects for each message it dissected (tshark's
 * {@code imf_eo_t} tap record): the frame, the raw From and Subject values (ASCII, bytes >= 0x80
 * as U+FFFD, last occurrence wins, empty when absent) and the message bytes, exactly the data
 * IMF was given. A nested {@code message/rfc822} part reports its own entry before its parent's.
 */
public record ImfExportEntry(long frame, String sender, String subject, Tvb message) {

    /** The per-packet queue the entries go to, in the order tshark's tap sees them. */
    public static final class Queue {
        private final List<ImfExportEntry> entries = new ArrayList<>(1);

        public List<ImfExportEntry> entries() {
            return entries;
        }

        void add(ImfExportEntry e) {
            entries.add(e);
        }
    }
}
