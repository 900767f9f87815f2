package io.jdissect.api;

/**
 * Dissects the bytes of one protocol layer: adds its items under {@code tree}, sets columns and
 * hands the payload on through a {@link DissectorTable}. Returns the number of bytes it took, or 0
 * when the data is not its protocol (heuristic dissectors, and table entries that decline), so the
 * caller can try the next candidate or fall back to {@code data}.
 */
@FunctionalInterface
public interface Dissector {
    int dissect(Tvb tvb, PacketInfo pinfo, TreeItem tree);
}
