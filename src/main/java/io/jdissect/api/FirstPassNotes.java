package io.jdissect.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a two-pass run (tshark's {@code -2}) learns in its first pass about frames and streams
 * from later frames, so the second pass can show it early: the frame a TCP segment or an SMTP
 * DATA fragment is reassembled in, a stream's final conversation completeness, its initial RTT.
 * Dissectors {@link #note} a fact whenever they learn it (kept in the first pass only, so the last
 * value noted is the final one) and read it with {@link #later}, which answers only in the
 * second pass.
 * <p>
 * Only facts are kept, never packets: one long per (name, id) in open-addressing tables, 16
 * bytes an entry, so a capture costs memory in proportion to its reassembled segments and
 * streams, not to its bytes. In a single-pass run {@link #NONE} keeps and answers nothing.
 */
public final class FirstPassNotes {
    /** The notes of a single-pass run: nothing is kept, {@link #later} never answers. */
    public static final FirstPassNotes NONE = new FirstPassNotes(false);

    /** What {@link #later} returns when there is no such fact (or not in the second pass). */
    public static final long ABSENT = Long.MIN_VALUE;

    private final boolean keeping;
    private final Map<String, LongTable> tables = new HashMap<>();
    private boolean secondPass;

    private FirstPassNotes(boolean keeping) {
        this.keeping = keeping;
    }

    /** Notes for a two-pass run, in its first pass until {@link #startSecondPass()}. */
    public static FirstPassNotes twoPass() {
        return new FirstPassNotes(true);
    }

    /** Whether this run keeps notes for a second pass: a single-pass run need not make them. */
    public boolean keeping() {
        return keeping;
    }

    /** In the first pass, records that {@code name} of {@code id} (a frame number, a stream index) is {@code value}. */
    public void note(String name, long id, long value) {
        if (keeping && !secondPass) {
            tables.computeIfAbsent(name, n -> new LongTable()).put(id, value);
        }
    }

    /** In the second pass, the last value noted for {@code name} of {@code id}; else {@link #ABSENT}. */
    public long later(String name, long id) {
        if (!secondPass) {
            return ABSENT;
        }
        LongTable t = tables.get(name);
        return t == null ? ABSENT : t.get(id);
    }

    /** The first pass is over: from now on {@link #later} answers. */
    public void startSecondPass() {
        secondPass = keeping;
    }

    /** A long-to-long hash table with open addressing and linear probing. */
    private static final class LongTable {
        private static final long FREE = Long.MIN_VALUE;
        private long[] keys = newKeys(16);
        private long[] values = new long[16];
        private int size;

        private static long[] newKeys(int n) {
            long[] k = new long[n];
            Arrays.fill(k, FREE);
            return k;
        }

        private int slot(long key, long[] in) {
            int mask = in.length - 1;
            int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
            while (in[i] != FREE && in[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        void put(long key, long value) {
            if ((size + 1) * 4 > keys.length * 3) {
                grow();
            }
            int i = slot(key, keys);
            if (keys[i] == FREE) {
                keys[i] = key;
                size++;
            }
            values[i] = value;
        }

        long get(long key) {
            int i = slot(key, keys);
            return keys[i] == FREE ? ABSENT : values[i];
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = newKeys(oldKeys.length * 2);
            values = new long[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != FREE) {
                    int i = slot(oldKeys[j], keys);
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
