package io.jdissect.output;

import java.util.List;
import java.util.Set;

/**
 * tshark's {@code -j} / {@code -J} filter for JSON and EK output: only the listed protocols and
 * fields are expanded; the others become {@code {"filtered": "name"}}. With {@code -J} a listed
 * protocol is written with all its children; with {@code -j} children are expanded only when they
 * are listed too.
 */
public record ProtocolFilter(Set<String> names, boolean includeChildren) {
    /** Builds the filter from the space-separated list of {@code -j} or {@code -J}. */
    public static ProtocolFilter parse(String list, boolean includeChildren) {
        return new ProtocolFilter(Set.copyOf(List.of(list.trim().split("\\s+"))), includeChildren);
    }

    public boolean accepts(String key) {
        return names.contains(key);
    }
}
