package io.jdissect.protocols.smtp;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.ProtocolPlugin;

/**
 * Registers SMTP as tshark does: the "smtp" handle, its fields and preferences, then TCP port 25
 * (the {@code smtp.tcp.port} range) and 587 (fixed, RFC 6409 submission).
 */
public final class SmtpPlugin implements ProtocolPlugin {
    /** Message submission (RFC 6409), registered without a preference as in tshark. */
    static final int SUBMISSION_PORT = 587;

    private DissectorHandle handle;
    private SmtpDissector dissector;
    private SmtpPreferences prefs;

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void register(DissectorRegistry registry) {
        SmtpFields fields = new SmtpFields(registry);
        prefs = new SmtpPreferences(registry.preferences());
        dissector = new SmtpDissector(registry, fields, prefs);
        handle = registry.register("smtp", fields.proto, dissector::dissect);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        DissectorTable tcp = registry.table(DissectorRegistry.TCP_PORT);
        for (long port : prefs.ports()) {
            tcp.add(port, handle);
        }
        tcp.add(SUBMISSION_PORT, handle);
        dissector.handoff();
    }
}
