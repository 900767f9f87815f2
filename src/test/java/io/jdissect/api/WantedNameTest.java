package io.jdissect.api;

import io.jdissect.engine.FieldNeeds;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A WantedName answers as the run's needs do, asks them once per run, and asks again for other needs. */
class WantedNameTest {
    @Test
    void answersAsTheNeedsDoOncePerRun() {
        WantedName session = new WantedName("smtp.x");
        FieldNeeds filterOnMail = FieldNeeds.of(Set.of("smtp.req.command"));
        FieldNeeds ownFields = FieldNeeds.of(Set.of("smtp.x.mail_from"));
        assertFalse(session.wantedBy(filterOnMail));
        assertTrue(session.wantedBy(ownFields));
        assertTrue(session.wantedBy(FieldNeeds.ALL));
        assertFalse(session.wantedBy(filterOnMail));

        AtomicInteger asked = new AtomicInteger();
        Predicate<String> counting = abbrev -> {
            asked.incrementAndGet();
            return abbrev.equals("smtp.x");
        };
        for (int packet = 0; packet < 1000; packet++) {
            assertTrue(session.wantedBy(counting));
        }
        assertEquals(1, asked.get());
    }
}
