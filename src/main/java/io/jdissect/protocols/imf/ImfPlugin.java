package io.jdissect.protocols.imf;

import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/**
 * Registers the IMF protocol: its fields and preferences, the named handle {@code imf} that the
 * SMTP dissector calls with the reassembled DATA on the end-of-message frame, and (hand-off) the
 * {@code media_type} entry {@code message/rfc822} for messages attached to others.
 */
public final class ImfPlugin implements ProtocolPlugin {
    /** The handle name other dissectors call. */
    public static final String HANDLE = "imf";

    @Override
    public String name() {
        return "imf";
    }

    @Override
    public void register(DissectorRegistry registry) {
        ImfFields fields = new ImfFields(registry);
        ImfDissector dissector = new ImfDissector(registry, fields);
        registry.register(HANDLE, fields.protocol(), dissector::dissect);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        registry.table(DissectorRegistry.MEDIA_TYPE).add("message/rfc822", registry.handle(HANDLE));
    }
}
