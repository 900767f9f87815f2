package io.jdissect.api;

/**
 * Turns what a dissector threw into the items tshark shows: {@code [Malformed Packet: SMTP]} with
 * its expert info when the packet is shorter than its headers say (or the dissector failed), and
 * {@code [Packet size limited during capture: TCP truncated]} when the capture cut it short.
 */
public final class Malformed {
    private Malformed() {
    }

    public static void report(PacketInfo pinfo, TreeItem tree, String protocolShortName, RuntimeException e) {
        DissectorRegistry r = pinfo.registry();
        if (e instanceof BoundsException b && b.isTruncated()) {
            tree.add(r.shortFrame().field(), null, 0, 0)
                    .setText("[Packet size limited during capture: " + protocolShortName + " truncated]");
            pinfo.columns().appendInfo("[Packet size limited during capture]");
            return;
        }
        TreeItem item = tree.add(r.malformed().field(), null, 0, 0)
                .setText("[Malformed Packet: " + protocolShortName + "]");
        r.expert().add(item, r.malformedExpert(), null, 0, 0);
        pinfo.columns().appendInfo("[Malformed Packet]");
        if (!(e instanceof BoundsException)) {
            // A dissector bug must not end the capture; say what it was in the item, not a trace.
            item.appendText(" (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
