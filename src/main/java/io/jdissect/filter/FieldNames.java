package io.jdissect.filter;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.ProtocolDef;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves names in filters: the fields and protocols of the registry, then every other protocol
 * tshark 4.0 knows ({@code tshark -G protocols}, in tshark-protocols.txt). Those compile as in
 * tshark and are never present in a packet: {@code tcp and not http}, {@code frame[37] == fc}
 * (fc is Fibre Channel, so this is a comparison with an absent protocol, not with a byte).
 */
final class FieldNames {
    /**
     * tshark 4.0's protocol aliases (proto_register_alias: packet-dhcp.c, packet-tls.c,
     * packet-autosar-nm.c, packet-iec104.c): a filter may still use the old name, alone or as the
     * prefix of a field ({@code ssl.record.version}), and means the protocol's current one
     * (dfilter_resolve_unparsed, which only notes a deprecated token).
     */
    private static final Map<String, String> ALIASES = Map.of("bootp", "dhcp", "ssl", "tls", "nm", "autosar-nm",
            "104apci", "iec60870_104", "104asdu", "iec60870_asdu");

    private final FieldRegistry registry;
    /** Protocols tshark knows and this setup does not, declared on first use. */
    private final FieldRegistry others = new FieldRegistry();

    FieldNames(FieldRegistry registry) {
        this.registry = registry;
    }

    /** The field or protocol called {@code name}, or null. */
    FieldDef lookup(String name) {
        FieldDef def = current(name);
        if (def != null) {
            return def;
        }
        int dot = name.indexOf('.');
        String alias = ALIASES.get(dot < 0 ? name : name.substring(0, dot));
        return alias == null ? null : current(dot < 0 ? alias : alias + name.substring(dot));
    }

    /** The field or protocol of that current (not aliased) name, or null. */
    private FieldDef current(String name) {
        FieldDef def = registry.lookup(name);
        if (def != null || !TsharkProtocols.NAMES.contains(name)) {
            return def;
        }
        ProtocolDef p = others.lookupProtocol(name);
        return (p != null ? p : others.protocol(name, name, name)).field();
    }

    /**
     * The names of tshark-protocols.txt, read when a filter first names something the registry does
     * not know: a filter of known fields (most) is compiled without reading the 3,000 names
     * (about 4 ms of a run's start).
     */
    private static final class TsharkProtocols {
        static final Set<String> NAMES = load();

        private static Set<String> load() {
            Set<String> names = new HashSet<>();
            try (InputStream in = FieldNames.class.getResourceAsStream("tshark-protocols.txt")) {
                if (in == null) {
                    return names;
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isEmpty()) {
                        names.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return names;
        }
    }
}
