package io.jdissect.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConversationTest {
    private record Held(List<String> log) implements Conversation.Releasable {
        @Override
        public void release() {
            log.add("released");
        }

        @Override
        public void closed(int port, boolean reset) {
            log.add("closed " + port + (reset ? " reset" : ""));
        }
    }

    /**
     * A side's close is passed on to the data that holds shared bytes; dropping the conversation's
     * state tells it once and forgets all of it.
     */
    @Test
    void releaseTellsReleasableDataAndDropsEverything() {
        List<String> log = new ArrayList<>();
        Conversation c = new Conversation(7);
        c.put(Held.class, new Held(log));
        c.put(String.class, "plain data");
        c.closed(25, false);
        c.closed(40000, true);
        assertEquals(List.of("closed 25", "closed 40000 reset"), log, "a side's close is passed on, the data kept");
        assertEquals("plain data", c.get(String.class));
        log.clear();
        c.release();
        assertEquals(List.of("released"), log);
        assertNull(c.get(Held.class));
        assertNull(c.get(String.class));
        c.release();
        assertEquals(List.of("released"), log, "nothing is left to tell");
    }
}
