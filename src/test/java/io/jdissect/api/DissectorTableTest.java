package io.jdissect.api;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class DissectorTableTest {
    private static DissectorHandle handle(String name) {
        return new DissectorHandle(name, null, (tvb, pinfo, tree) -> 0);
    }

    @Test
    void numericLookUpsSeeEveryAddAndRemove() {
        DissectorTable t = new DissectorTable("tcp.port", "TCP port", false);
        Map<Long, DissectorHandle> expected = new HashMap<>();
        Random random = new Random(5);
        for (int round = 0; round < 2000; round++) {
            long key = random.nextInt(70000) - 2;
            if (random.nextInt(4) == 0) {
                t.remove(key);
                expected.remove(key);
            } else {
                DissectorHandle h = handle("h" + round);
                t.add(key, h);
                expected.put(key, h);
            }
            long probe = random.nextBoolean() ? key : random.nextInt(70000);
            assertSame(expected.get(probe), t.get(probe), "key " + probe);
        }
        for (Map.Entry<Long, DissectorHandle> e : expected.entrySet()) {
            assertSame(e.getValue(), t.get(e.getKey()));
        }
    }

    @Test
    void decodeAsComesFirstAndStringKeysStayApart() {
        DissectorTable t = new DissectorTable("tcp.port", "TCP port", false);
        DissectorHandle smtp = handle("smtp");
        DissectorHandle pop = handle("pop");
        t.add(25, smtp);
        assertSame(smtp, t.get(25));
        t.decodeAs(25, pop);
        assertSame(pop, t.get(25));
        assertNull(t.get(110));
        DissectorTable media = new DissectorTable("media_type", "Internet media type", true);
        media.add("Message/RFC822", smtp);
        assertSame(smtp, media.get("message/rfc822"));
        assertNull(media.get(0));
        assertEquals(1, media.handles().size());
    }
}
