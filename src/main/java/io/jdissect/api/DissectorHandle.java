package io.jdissect.api;

/**
 * A dissector bound to its protocol and a name (Wireshark's dissector_handle_t), as put in
 * dissector tables and named by {@code -d tcp.port==N,smtp}. Create handles with
 * {@link DissectorRegistry#register}.
 */
public record DissectorHandle(String name, ProtocolDef protocol, Dissector dissector) {
    /** Runs the dissector directly; prefer {@link PacketInfo#call}, which keeps the protocol stack. */
    public int call(Tvb tvb, PacketInfo pinfo, io.jdissect.api.TreeItem tree) {
        return dissector.dissect(tvb, pinfo, tree);
    }
}
