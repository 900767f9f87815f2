package io.jdissect.protocols.tcp;

import io.jdissect.api.Address;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The stream table's endpoint key (addresses packed into longs): a connection is found from either
 * direction, and endpoints that differ in any byte, port or address length are different
 * connections, for IPv4, IPv6 and addresses longer than 16 bytes. Eviction and comeback are covered
 * on a capture by {@link TcpStreamCapTest}.
 */
class TcpStreamTableTest {
    private static Address v4(int a, int b, int c, int d) {
        return new Address(Address.Type.IPv4, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    private static Address v6(int last) {
        byte[] b = new byte[16];
        b[0] = 0x20;
        b[1] = 0x01;
        b[15] = (byte) last;
        return new Address(Address.Type.IPv6, b);
    }

    private static Address wide(int last) {
        byte[] b = new byte[20];
        b[19] = (byte) last;
        return new Address(Address.Type.NONE, b);
    }

    /** The IPv6 address whose bytes pack into the same long as 10.0.0.{@code last}. */
    private static Address packedLike(int last) {
        byte[] b = new byte[16];
        b[4] = 10;
        b[7] = (byte) last;
        return new Address(Address.Type.IPv6, b);
    }

    private final TcpStreamTable table = new TcpStreamTable(1000, 1000, s -> { });

    @Test
    void aConnectionIsFoundFromEitherDirection() {
        for (Address[] pair : List.of(new Address[] {v4(10, 0, 0, 1), v4(192, 168, 1, 2)},
                new Address[] {v6(1), v6(2)}, new Address[] {wide(1), wide(2)})) {
            TcpStream s = table.create(pair[0], 40000, pair[1], 25);
            assertSame(s, table.find(pair[0], 40000, pair[1], 25));
            assertSame(s, table.find(pair[1], 25, pair[0], 40000));
        }
    }

    @Test
    void endpointsThatDifferAnywhereAreOtherConnections() {
        TcpStream s = table.create(v4(10, 0, 0, 1), 40000, v4(10, 0, 0, 2), 25);
        assertNull(table.find(v4(10, 0, 0, 1), 40001, v4(10, 0, 0, 2), 25));
        assertNull(table.find(v4(10, 0, 0, 1), 40000, v4(10, 0, 0, 2), 26));
        assertNull(table.find(v4(10, 0, 0, 3), 40000, v4(10, 0, 0, 2), 25));
        assertNull(table.find(v4(11, 0, 0, 1), 40000, v4(10, 0, 0, 2), 25));
        // the same ports the other way round are another connection
        assertNull(table.find(v4(10, 0, 0, 1), 25, v4(10, 0, 0, 2), 40000));
        // 0:0:a00:1:: packs into the same long as 10.0.0.1: address lengths are part of the key
        assertNull(table.find(packedLike(1), 40000, packedLike(2), 25));
        assertSame(s, table.find(v4(10, 0, 0, 2), 25, v4(10, 0, 0, 1), 40000));
    }

    @Test
    void addressesLongerThanSixteenBytesAreComparedWhole() {
        TcpStream s = table.create(wide(1), 1, wide(2), 2);
        // the same first 16 bytes and ports: only the bytes past them tell these apart
        assertNull(table.find(wide(1), 1, wide(3), 2));
        assertNull(table.find(wide(3), 1, wide(2), 2));
        byte[] differsEarly = new byte[20];
        differsEarly[0] = 1;
        differsEarly[19] = 1;
        assertNull(table.find(new Address(Address.Type.NONE, differsEarly), 1, wide(2), 2));
        assertSame(s, table.find(wide(2), 2, wide(1), 1));
    }

    @Test
    void streamsAreNumberedInOrderAndManyConnectionsStayApart() {
        List<TcpStream> made = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            made.add(table.create(v4(10, 0, i >> 8, i & 0xff), 40000 + i % 7, v4(192, 0, 2, 1), 25));
        }
        for (int i = 0; i < 500; i++) {
            TcpStream s = table.find(v4(192, 0, 2, 1), 25, v4(10, 0, i >> 8, i & 0xff), 40000 + i % 7);
            assertNotNull(s, "connection " + i);
            assertEquals(i, s.index);
            assertSame(made.get(i), s);
        }
        assertEquals(500, made.stream().map(s -> s.index).distinct().count());
    }
}
