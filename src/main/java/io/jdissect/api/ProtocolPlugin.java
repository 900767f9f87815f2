package io.jdissect.api;

/**
 * A protocol (or a set of them) that plugs into jdissect: the built-in dissectors and third-party
 * plugins alike are found with {@link java.util.ServiceLoader} under this interface.
 *
 * <p>Registration runs in two phases, as in Wireshark: every plugin's {@link #register} first
 * (declare the protocol, its fields, preferences, expert items and any dissector tables it owns),
 * then, after {@code -o} preferences are applied, every plugin's {@link #handoff} (attach to other
 * protocols' tables: {@code tcp.port}, {@code ethertype}, heuristics).
 */
public interface ProtocolPlugin {
    /** A short name for messages ("smtp", "pop"). */
    String name();

    /** Declares protocols, fields, preferences and tables. */
    void register(DissectorRegistry registry);

    /** Attaches the dissectors to other protocols' tables; preferences have their final values. */
    default void handoff(DissectorRegistry registry) {
    }
}
