package io.jdissect.plugins.pop3;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.Preferences;
import io.jdissect.api.ProtocolPlugin;

/**
 * POP3 (RFC 1939) as a jdissect plugin, found by ServiceLoader through
 * {@code META-INF/services/io.jdissect.api.ProtocolPlugin}. Registers what tshark 4.0's packet-pop.c
 * registers: the {@code pop} protocol and handle, its fields, the {@code pop.desegment_data}
 * and {@code pop.tcp.port} preferences, and hands off on TCP port 110.
 */
public final class PopPlugin implements ProtocolPlugin {
    /** POP3's well-known port (RFC 1939 section 3). */
    static final int TCP_PORT = 110;

    private DissectorHandle handle;
    private Preferences.Pref ports;

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public void register(DissectorRegistry registry) {
        PopFields fields = new PopFields(registry);
        Preferences p = registry.preferences();
        ports = p.range("pop.tcp.port", String.valueOf(TCP_PORT), "POP TCP port(s) (range)");
        Preferences.Pref desegmentData = p.bool("pop.desegment_data", true,
                "Reassemble POP RETR and TOP responses spanning multiple TCP segments");
        PopDissector dissector = new PopDissector(registry, fields, desegmentData);
        handle = registry.register("pop", fields.proto, dissector::dissect);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        for (long port : ports.range()) {
            registry.table(DissectorRegistry.TCP_PORT).add(port, handle);
        }
    }
}
