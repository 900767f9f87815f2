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
     * message in flight, say): told when the connection's state is dropped, so that what it held
     * stops counting. Without it, connections evicted from the stream table in mid-message would
     * keep their share of the cap to the end of the capture.
     */
    public interface Releasable {
        void release();
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
