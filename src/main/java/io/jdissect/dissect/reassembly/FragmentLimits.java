package io.jdissect.dissect.reassembly;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Expert;
import io.jdissect.api.Preferences;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;

/**
 * The caps of one protocol's defragmentation {@link FragmentTable} as jdissect preferences
 * ({@code <proto>.jdissect.max_pending_datagrams}, {@code <proto>.jdissect.max_fragment_bytes}),
 * and the expert item ({@code <proto>.jdissect.fragment_limit}) on the fragment whose arrival made
 * the table drop the oldest incomplete datagrams. tshark has no such caps: its tables grow with
 * the capture.
 */
public final class FragmentLimits {
    private static final int DEFAULT_PENDING = 4096;
    /** Per IP version; with TCP's and SMTP's caps over all connections, within the launcher's heap. */
    private static final long DEFAULT_BYTES = 16L << 20;

    private final String pendingPref;
    private final String bytesPref;
    private final Expert.Def limitReached;
    private final Expert expert;

    /** Declares the preferences and the expert item of {@code proto} (register phase). */
    public FragmentLimits(DissectorRegistry registry, ProtocolDef proto, String prefix) {
        pendingPref = prefix + ".jdissect.max_pending_datagrams";
        bytesPref = prefix + ".jdissect.max_fragment_bytes";
        Preferences p = registry.preferences();
        p.uint(pendingPref, DEFAULT_PENDING, "jdissect: most incomplete datagrams waiting for fragments");
        p.uint(bytesPref, DEFAULT_BYTES, "jdissect: most fragment bytes buffered for defragmentation");
        limitReached = registry.expert(proto, prefix + ".jdissect.fragment_limit",
                "Defragmentation limit reached: the oldest incomplete datagrams were dropped (see " + pendingPref
                        + ", " + bytesPref + ")", Expert.Severity.WARNING, Expert.Group.REASSEMBLE);
        expert = registry.expert();
    }

    /** Sets the table's caps from the preferences (hand-off phase, after -o). */
    public void apply(DissectorRegistry registry, FragmentTable<?> table) {
        Preferences p = registry.preferences();
        table.limits((int) Math.min(Integer.MAX_VALUE, p.get(pendingPref).uint()), p.get(bytesPref).uint());
    }

    /** Adds the expert item under {@code item} when the table's last add dropped datagrams. */
    public void reportIfDropped(FragmentTable<?> table, TreeItem item, Tvb tvb) {
        if (table.droppedOnLastAdd()) {
            expert.add(item, limitReached, tvb, 0, 0);
        }
    }
}
