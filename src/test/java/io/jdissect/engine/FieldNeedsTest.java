package io.jdissect.engine;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldNeedsTest {
    @Test
    void aNamedFieldIsReadWithTheProtocolsAndTreesAboveIt() {
        FieldNeeds needs = FieldNeeds.of(Set.of("smtp.req.parameter", "frame.number"));
        assertTrue(needs.test("smtp"));
        assertTrue(needs.test("smtp.req"));
        assertTrue(needs.test("smtp.req.parameter"));
        assertFalse(needs.test("smtp.req.param"));
        assertFalse(needs.test("smtp.req.parameter.x"));
        assertFalse(needs.test("tcp"));
        assertFalse(needs.test("_ws.col"));
    }

    @Test
    void expertAndMalformedItemsAskForEverything() {
        assertSame(FieldNeeds.ALL, FieldNeeds.of(Set.of("_ws.expert")));
        assertSame(FieldNeeds.ALL, FieldNeeds.of(Set.of("_ws.malformed", "tcp.port")));
        assertTrue(FieldNeeds.of(Set.of("_ws.col.Info")).test("_ws.col"));
    }

    @Test
    void wholeTreesReadEverythingButTheColumns() {
        FieldNeeds needs = FieldNeeds.ALL_BUT_COLUMNS;
        assertFalse(needs.test("_ws.col"));
        assertFalse(needs.test("_ws.col.Info"));
        assertTrue(needs.test("_ws.columnist")); // not a column, though its name starts alike
        assertTrue(needs.test("_ws.expert"));
        assertTrue(needs.test("tcp"));
        assertTrue(needs.test("frame.protocols"));
        assertTrue(FieldNeeds.ALL.test("_ws.col.Info"));
    }
}
