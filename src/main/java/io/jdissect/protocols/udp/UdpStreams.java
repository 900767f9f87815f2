package io.jdissect.protocols.udp;

import io.jdissect.api.Address;
import io.jdissect.api.Conversation;
import io.jdissect.api.Timestamp;

import java.util.HashMap;
import java.util.Map;

/**
 * UDP conversations by their two endpoints, in either direction, numbered in order of first
 * appearance (udp.stream), each with the times tshark's udp.time_relative and udp.time_delta are
 * measured from.
 */
final class UdpStreams {
    /** One conversation: its index (as {@link Conversation#index()}), first and latest times. */
    static final class Stream {
        final Conversation conversation;
        final Timestamp first;
        Timestamp previous;

        Stream(int index, Timestamp first) {
            this.conversation = new Conversation(index);
            this.first = first;
            this.previous = first;
        }
    }

    /** An unordered pair of endpoints: the smaller (address, port) first. */
    private record Key(Address a, int portA, Address b, int portB) {
        static Key of(Address src, int sport, Address dst, int dport) {
            int c = java.util.Arrays.compare(src.bytes(), dst.bytes());
            if (c < 0 || (c == 0 && sport <= dport)) {
                return new Key(src, sport, dst, dport);
            }
            return new Key(dst, dport, src, sport);
        }
    }

    private final Map<Key, Stream> streams = new HashMap<>();

    /** The conversation of these endpoints, created at {@code now} if it is new. */
    Stream findOrCreate(Address src, int sport, Address dst, int dport, Timestamp now) {
        return streams.computeIfAbsent(Key.of(src, sport, dst, dport), k -> new Stream(streams.size(), now));
    }
}
