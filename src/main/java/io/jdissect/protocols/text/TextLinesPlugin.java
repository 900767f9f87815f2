package io.jdissect.protocols.text;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.DissectorTable;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.ProtocolPlugin;

/**
 * The {@code data-text-lines} protocol ("Line-based text data"), found by name and in the
 * {@code media_type} table for the text types Wireshark's packet-text-media.c registers.
 */
public final class TextLinesPlugin implements ProtocolPlugin {
    /** Media types served by line-based text, as in packet-text-media.c (RFC 2046, RFC 1896, W3C). */
    static final String[] MEDIA_TYPES = {
        "text/plain", "text/richtext", "text/enriched", "text/parameters", "text/html",
        "text/xml-external-parsed-entity", "text/css", "application/xml-external-parsed-entity",
        "text/javascript", "application/x-javascript", "application/x-tia-p25-issi", "application/x-tia-p25-sndcp",
        "application/x-ns-proxy-autoconfig", "text/vnd.sun.j2me.app-descriptor", "application/vnd.poc.refer-to",
        "application/vnd.drm.message", "application/x-wms-logplaystats", "application/x-rtsp-udp-packetpair",
    };

    private DissectorHandle handle;

    @Override
    public String name() {
        return "data-text-lines";
    }

    @Override
    public void register(DissectorRegistry registry) {
        ProtocolDef proto = registry.fields().protocol("Line-based text data", "Line-based text data", "data-text-lines");
        TextLinesDissector d = new TextLinesDissector(proto);
        handle = registry.register("data-text-lines", proto, d::dissect);
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        DissectorTable media = registry.table(DissectorRegistry.MEDIA_TYPE);
        for (String t : MEDIA_TYPES) {
            media.add(t, handle);
        }
    }
}
