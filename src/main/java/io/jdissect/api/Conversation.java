package io.jdissect.api;

import java.util.HashMap;
import java.util.Map;

/**
 * State kept across the packets of one conversation (a TCP connection): each protocol attaches
 * its own object under its own key class, e.g. an SMTP session state.
 */
public final class Conversation {
    private final int index;
    private final Map<Class<?>, Object> data = new HashMap<>(4);

    public Conversation(int index) {
        this.index = index;
    }

    /** The conversation's index, e.g. tcp.stream. */
    public int index() {
        return index;
    }

    public <T> T get(Class<T> key) {
        return key.cast(data.get(key));
    }

    public <T> void put(Class<T> key, T value) {
        data.put(key, value);
    }

    public <T> T computeIfAbsent(Class<T> key, java.util.function.Supplier<T> init) {
        return key.cast(data.computeIfAbsent(key, k -> init.get()));
    }

    public void remove(Class<?> key) {
        data.remove(key);
    }

    /**
     * Conversation data that holds bytes counted against a cap shared by conversations (an SMTP
     * message in flight, say): told when the connection's state is dropped, and when a side stops
     * sending, so that what it held for bytes that can no longer come stops counting. Without it,
     * messages abandoned in mid-transfer would keep their share of the cap to the end of the capture.
     */
    public interface Releasable {
        /** The connection's state is dropped (TCP evicted it, or a new connection took its ports). */
        void release();

        /**
         * The side on {@code port} finished sending (a FIN), or, with {@code reset}, the connection
         * was reset (a RST from either side): nothing more comes from that side, or from either.
         * TCP drops what it buffers for reassembly there at the same point.
         */
        default void closed(int port, boolean reset) {
        }
    }

    /** Tells each {@link Releasable} that the side on {@code port} closed (see {@link Releasable#closed}). */
    public void closed(int port, boolean reset) {
        for (Object value : data.values()) {
            if (value instanceof Releasable r) {
                r.closed(port, reset);
            }
        }
    }

    /**
     * Drops the conversation's data, telling each {@link Releasable} (TCP calls this when it
     * evicts the connection or a new connection takes its ports).
     */
    public void release() {
        for (Object value : data.values()) {
            if (value instanceof Releasable r) {
                r.release();
            }
        }
        data.clear();
    }
}
