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
    }

    /** Dropping a conversation's state tells the data that holds shared bytes, once, and forgets all of it. */
    @Test
    void releaseTellsReleasableDataAndDropsEverything() {
        List<String> log = new ArrayList<>();
        Conversation c = new Conversation(7);
        c.put(Held.class, new Held(log));
        c.put(String.class, "plain data");
        c.release();
        assertEquals(List.of("released"), log);
        assertNull(c.get(Held.class));
        assertNull(c.get(String.class));
        c.release();
        assertEquals(List.of("released"), log, "nothing is left to tell");
    }
}
