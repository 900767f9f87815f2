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
    private final Key probe = new Key();
    private int nextIndex;

    /** {@code onEvict} releases what an evicted stream holds (its reassembly buffers). */
    TcpStreamTable(int maxStreams, int maxIndexes, Consumer<TcpStream> onEvict) {
        this.maxStreams = Math.max(1, maxStreams);
        this.maxIndexes = maxIndexes;
        this.onEvict = onEvict;
    }

    /**
     * An unordered pair of endpoints, its addresses packed into longs (an IPv4 or IPv6 address is at
     * most 16 bytes): a lookup compares numbers in the key itself instead of following four
     * references to two {@link Address}es and their arrays, which for a table of thousands of
     * connections were a cache miss each. Longer addresses (a plugin's network layer) are kept whole
     * as well. Mutable only as the table's probe.
     *
     * <p>Written out, not a record's: a record's generated equals and hashCode go through method
     * handles, which cost every run a few dozen generated classes at start-up. The hash mixes every
     * bit so that two connections' hashes are all but never equal: the 31-polynomials of
     * Arrays.hashCode and a record collided for addresses and ports of one capture, and each lookup
     * that met a collision made C2 throw away and recompile the TCP dissector it had compiled this
     * lookup into.
     */
    private static final class Key {
        private long aHigh;
        private long aLow;
        private long bHigh;
        private long bLow;
        /** Both ports and both address lengths, 16 bits each: portA, portB, lengthA, lengthB. */
        private long rest;
        /** The addresses themselves, only when one is longer than 16 bytes; else null. */
        private byte[] wideA;
        private byte[] wideB;
        private int hash;

        private Key() {
        }

        private Key(Key k) {
            aHigh = k.aHigh;
            aLow = k.aLow;
            bHigh = k.bHigh;
            bLow = k.bLow;
            rest = k.rest;
            wideA = k.wideA;
            wideB = k.wideB;
            hash = k.hash;
        }

        /** Makes this key the pair (s, sport) and (d, dport), in the order that is the same both ways. */
        Key set(Address s, int sport, Address d, int dport) {
            byte[] sb = s.bytes();
            byte[] db = d.bytes();
            long sHigh = high(sb);
            long sLow = low(sb);
            long dHigh = high(db);
            long dLow = low(db);
            boolean wide = sb.length > 16 || db.length > 16;
            int c = sb.length != db.length ? Integer.compare(sb.length, db.length)
                    : sHigh != dHigh ? Long.compareUnsigned(sHigh, dHigh)
                    : sLow != dLow ? Long.compareUnsigned(sLow, dLow)
                    : wide ? Arrays.compare(sb, db) : 0;
            if (c == 0) {
                c = Integer.compare(sport, dport);
            }
            if (c <= 0) {
                put(sb, sHigh, sLow, sport, db, dHigh, dLow, dport, wide);
            } else {
                put(db, dHigh, dLow, dport, sb, sHigh, sLow, sport, wide);
            }
            return this;
        }

        private void put(byte[] a, long ah, long al, int pa, byte[] b, long bh, long bl, int pb, boolean wide) {
            int alen = a.length;
            int blen = b.length;
            wideA = wide ? a : null;
            wideB = wide ? b : null;
            aHigh = ah;
            aLow = al;
            bHigh = bh;
            bLow = bl;
            rest = (long) pa << 48 | (long) pb << 32 | (long) (alen & 0xffff) << 16 | (blen & 0xffff);
            // Independent products (odd constants from the golden ratio and MurmurHash3), then one finalizer.
            long h = mix(ah * 0x9e3779b97f4a7c15L + al * 0xc2b2ae3d27d4eb4fL + bh * 0x165667b19e3779f9L
                    + bl * 0xff51afd7ed558ccdL + rest * 0xc4ceb9fe1a85ec53L);
            hash = (int) (h ^ (h >>> 32));
        }

        /** The first eight bytes of an address (all of an IPv4 one), big-endian. */
        private static long high(byte[] a) {
            return pack(a, 0, Math.min(a.length, 8));
        }

        /** Bytes 8 to 15 of an address (IPv6), big-endian. */
        private static long low(byte[] a) {
            return a.length > 8 ? pack(a, 8, Math.min(a.length, 16)) : 0;
        }

        private static long pack(byte[] a, int from, int to) {
            long v = 0;
            for (int i = from; i < to; i++) {
                v = v << 8 | (a[i] & 0xff);
            }
            return v;
        }

        /** A 64-bit finalizer (MurmurHash3's fmix64). */
        private static long mix(long h) {
            h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
            h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
            return h ^ (h >>> 33);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.rest == rest && k.aHigh == aHigh && k.aLow == aLow
                    && k.bHigh == bHigh && k.bLow == bLow && Arrays.equals(k.wideA, wideA) && Arrays.equals(k.wideB, wideB);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    TcpStream find(Address src, int sport, Address dst, int dport) {
        // The probe is reused: a key is made only for a stream that is added.
        TcpStream s = streams.get(probe.set(src, sport, dst, dport));
        if (s == null) {
            Integer index = evicted.remove(probe);
            if (index != null) {
                s = new TcpStream(index, src, sport);
                s.restored = true;
                put(new Key(probe), s);
            }
        }
        return s;
    }

    /** Starts a new stream for these endpoints, replacing any earlier one. */
    TcpStream create(Address src, int sport, Address dst, int dport) {
        TcpStream s = new TcpStream(nextIndex++, src, sport);
        put(new Key().set(src, sport, dst, dport), s);
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
