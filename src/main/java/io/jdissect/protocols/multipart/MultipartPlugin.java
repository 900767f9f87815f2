package io.jdissect.protocols.multipart;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/**
 * Registers MIME multipart ({@code mime_multipart}) and the generic {@code media} fallback, and
 * attaches multipart to the {@code media_type} table for the subtypes tshark 4.0 registers.
 */
public final class MultipartPlugin implements ProtocolPlugin {
    private static final String[] SUBTYPES = {"mixed", "related", "alternative", "form-data", "report", "signed",
        "encrypted"};

    @Override
    public String name() {
        return "mime_multipart";
    }

    @Override
    public void register(DissectorRegistry registry) {
        MultipartFields fields = new MultipartFields(registry);
        MultipartDissector dissector = new MultipartDissector(registry, fields);
        registry.register("mime_multipart", fields.proto, dissector::dissect);
        if (registry.handle(MediaDissector.HANDLE) == null) {
            new MediaDissector(registry);
        }
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        DissectorHandle h = registry.handle("mime_multipart");
        for (String s : SUBTYPES) {
            registry.table(DissectorRegistry.MEDIA_TYPE).add("multipart/" + s, h);
        }
    }
}
