package io.jdissect.protocols.tcp;

import io.jdissect.api.Address;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the {@link TcpStream} of a segment by its two endpoints, in either direction, and numbers
 * new streams in order of first appearance (tcp.stream). A SYN that starts a new connection on
 * the same ports gets a new stream, as tshark's port-reuse rule says.
 *
 * <p>Memory is bounded where tshark's is not: at most {@code maxStreams} connections keep their
 * state (sequence analysis, reassembly, the application's conversation data); beyond that the
 * least recently seen one is evicted and only its stream number is remembered, in an index of at
 * most {@code maxIndexes} endpoint pairs. A segment of an evicted connection gets its old number
 * back (tcp.stream stays tshark's) with fresh state, marked {@link TcpStream#restored} so that the
 * dissector says so. A connection forgotten even from the index gets a new number: the one case
 * where tcp.stream differs from tshark, and only past both caps.
 */
final class TcpStreamTable {
    private final int maxStreams;
    private final int maxIndexes;
    private final Consumer<TcpStream> onEvict;
    private final LinkedHashMap<Key, TcpStream> streams = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<Key, Integer> evicted = new LinkedHashMap<>();
    private int nextIndex;

    /** {@code onEvict} releases what an evicted stream holds (its reassembly buffers). */
    TcpStreamTable(int maxStreams, int maxIndexes, Consumer<TcpStream> onEvict) {
        this.maxStreams = Math.max(1, maxStreams);
        this.maxIndexes = maxIndexes;
        this.onEvict = onEvict;
    }

    /** An unordered pair of endpoints. */
    private record Key(Address a, int portA, Address b, int portB) {
        static Key of(Address s, int sport, Address d, int dport) {
            int c = Arrays.compare(s.bytes(), d.bytes());
            if (c < 0 || (c == 0 && sport <= dport)) {
                return new Key(s, sport, d, dport);
            }
            return new Key(d, dport, s, sport);
        }

        // Written out: a record's generated equals and hashCode go through method handles, which
        // cost every run a few dozen generated classes at start-up and are slow until compiled,
        // and this lookup runs for every segment.
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.portA == portA && k.portB == portB && k.a.equals(a) && k.b.equals(b);
        }

        @Override
        public int hashCode() {
            return ((a.hashCode() * 31 + portA) * 31 + b.hashCode()) * 31 + portB;
        }
    }

    TcpStream find(Address src, int sport, Address dst, int dport) {
        Key key = Key.of(src, sport, dst, dport);
        TcpStream s = streams.get(key);
        if (s == null) {
            Integer index = evicted.remove(key);
            if (index != null) {
                s = new TcpStream(index, src, sport);
                s.restored = true;
                put(key, s);
            }
        }
        return s;
    }

    /** Starts a new stream for these endpoints, replacing any earlier one. */
    TcpStream create(Address src, int sport, Address dst, int dport) {
        TcpStream s = new TcpStream(nextIndex++, src, sport);
        put(Key.of(src, sport, dst, dport), s);
        return s;
    }

    private void put(Key key, TcpStream s) {
        streams.put(key, s);
        if (streams.size() > maxStreams) {
            Iterator<Map.Entry<Key, TcpStream>> eldest = streams.entrySet().iterator();
            Map.Entry<Key, TcpStream> e = eldest.next();
            eldest.remove();
            onEvict.accept(e.getValue());
            evicted.put(e.getKey(), e.getValue().index);
            if (evicted.size() > maxIndexes) {
                Iterator<Integer> oldest = evicted.values().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }
}
