package io.jdissect.dissect.reassembly;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reassembly order, completion, duplicates and the bounds on what is kept. */
class FragmentTableTest {
    @Test
    void completesOnlyWhenEveryByteUpToTheLastFragmentIsThere() {
        FragmentTable<String> t = new FragmentTable<>(10, 1 << 20);
        assertNull(t.add("m", 1, 0, new byte[] {1, 2}, false));
        assertNull(t.add("m", 2, 4, new byte[] {5, 6}, true));               // last, but a gap at 2..3
        assertNull(t.add("m", 3, 0, new byte[] {9, 9}, false));              // repeated offset: ignored
        Reassembled r = t.add("m", 4, 2, new byte[] {3, 4}, false);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, r.data());
        assertEquals(java.util.List.of(1L, 4L, 2L), r.fragments().stream().map(Fragment::frame).toList());
        assertEquals(0, t.pendingCount(), "a complete message leaves the table");
    }

    @Test
    void incompleteMessagesAreDroppedOldestFirstBeyondTheLimits() {
        FragmentTable<Integer> t = new FragmentTable<>(3, 10);
        for (int i = 0; i < 5; i++) {
            t.add(i, i, 0, new byte[2], false);
        }
        assertEquals(3, t.pendingCount());
        t.add(99, 99, 0, new byte[9], false);                                   // 9 + 2 + 2 bytes > 10
        assertEquals(1, t.pendingCount());
        assertNull(t.add(0, 7, 2, new byte[2], true), "message 0 was dropped, its start is gone");
    }
}
