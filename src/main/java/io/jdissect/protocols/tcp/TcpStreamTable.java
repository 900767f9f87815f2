package io.jdissect.protocols.tcp;

import io.jdissect.api.Address;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the {@link TcpStream} of a segment by its two endpoints, in either direction, and numbers
 * new streams in order of first appearance (tcp.stream). A SYN that starts a new connection on
 * the same ports gets a new stream, as tshark's port-reuse rule says.
 */
final class TcpStreamTable {
    private final Map<Key, TcpStream> streams = new HashMap<>();
    private int nextIndex;

    /** An unordered pair of endpoints. */
    private record Key(Address a, int portA, Address b, int portB) {
        static Key of(Address s, int sport, Address d, int dport) {
            int c = Arrays.compare(s.bytes(), d.bytes());
            if (c < 0 || (c == 0 && sport <= dport)) {
                return new Key(s, sport, d, dport);
            }
            return new Key(d, dport, s, sport);
        }
    }

    TcpStream find(Address src, int sport, Address dst, int dport) {
        return streams.get(Key.of(src, sport, dst, dport));
    }

    /** Starts a new stream for these endpoints, replacing any earlier one. */
    TcpStream create(Address src, int sport, Address dst, int dport) {
        TcpStream s = new TcpStream(nextIndex++, src, sport);
        streams.put(Key.of(src, sport, dst, dport), s);
        return s;
    }
}
