package io.jdissect.api;

import java.util.Map;

/**
 * The numeric entries of a {@link DissectorTable} in open addressing, for the look-ups every packet
 * makes (ethertype, IP protocol, both TCP ports): no boxing of the key and no hashing of a Long. A
 * table builds one from its entries after they change, which happens while plugins register, not
 * while packets are dissected.
 */
final class HandlesByNumber {
    private final long[] keys;
    private final DissectorHandle[] handles;
    private final int mask;

    private HandlesByNumber(int capacity) {
        keys = new long[capacity];
        handles = new DissectorHandle[capacity];
        mask = capacity - 1;
    }

    static HandlesByNumber of(Map<Object, DissectorHandle> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1)) << 1;
        HandlesByNumber t = new HandlesByNumber(capacity);
        entries.forEach((k, h) -> {
            if (k instanceof Long n) {
                t.put(n, h);
            }
        });
        return t;
    }

    private void put(long key, DissectorHandle h) {
        int i = slot(key);
        while (handles[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        handles[i] = h;
    }

    DissectorHandle get(long key) {
        for (int i = slot(key); handles[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return handles[i];
            }
        }
        return null;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
