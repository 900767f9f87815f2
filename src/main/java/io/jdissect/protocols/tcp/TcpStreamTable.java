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
    private static final class Key {
        private final Address a;
        private final int portA;
        private final Address b;
        private final int portB;
        private final int hash;

        private Key(Address a, int portA, Address b, int portB) {
            this.a = a;
            this.portA = portA;
            this.b = b;
            this.portB = portB;
            this.hash = hash(a, portA, b, portB);
        }

        static Key of(Address s, int sport, Address d, int dport) {
            int c = Arrays.compare(s.bytes(), d.bytes());
            if (c < 0 || (c == 0 && sport <= dport)) {
                return new Key(s, sport, d, dport);
            }
            return new Key(d, dport, s, sport);
        }

        /*
         * Written out, not a record's: its generated equals and hashCode go through method handles,
         * which cost every run a few dozen generated classes at start-up. The hash mixes every byte
         * (FNV-1a, then a 64-bit finalizer) so that two connections' hashes are all but never equal:
         * the 31-polynomials of Arrays.hashCode and a record collided for addresses and ports
         * of one capture, and each lookup that met a collision made C2 throw away and recompile
         * the TCP dissector it had compiled this lookup into.
         */
        private static int hash(Address a, int portA, Address b, int portB) {
            long h = bytes(0xcbf29ce484222325L, a.bytes());
            h = (h ^ portA) * 0x100000001b3L;
            h = bytes(h, b.bytes());
            h = (h ^ portB) * 0x100000001b3L;
            h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
            h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
            return (int) (h ^ (h >>> 33));
        }

        private static long bytes(long h, byte[] bytes) {
            for (byte x : bytes) {
                h = (h ^ (x & 0xff)) * 0x100000001b3L;
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.portA == portA && k.portB == portB && k.a.equals(a) && k.b.equals(b);
        }

        @Override
        public int hashCode() {
            return hash;
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
