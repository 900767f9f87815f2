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
import java.util.Set;

/**
 * Resolves names in filters: the fields and protocols of the registry, then every other protocol
 * tshark 4.0 knows ({@code tshark -G protocols}, in tshark-protocols.txt). Those compile as in
 * tshark and are never present in a packet: {@code tcp and not http}, {@code frame[37] == fc}
 * (fc is Fibre Channel, so this is a comparison with an absent protocol, not with a byte).
 */
final class FieldNames {
    private static final Set<String> TSHARK_PROTOCOLS = load();

    private final FieldRegistry registry;
    /** Protocols tshark knows and this setup does not, declared on first use. */
    private final FieldRegistry others = new FieldRegistry();

    FieldNames(FieldRegistry registry) {
        this.registry = registry;
    }

    /** The field or protocol called {@code name}, or null. */
    FieldDef lookup(String name) {
        FieldDef def = registry.lookup(name);
        if (def != null || !TSHARK_PROTOCOLS.contains(name)) {
            return def;
        }
        ProtocolDef p = others.lookupProtocol(name);
        return (p != null ? p : others.protocol(name, name, name)).field();
    }

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
