package io.jdissect.api;

import io.jdissect.engine.FieldNeeds;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** WantedFields answers a bit per field, in the order given, once per run's needs. */
class WantedFieldsTest {
    private final FieldRegistry registry = new FieldRegistry();
    private final ProtocolDef frame = registry.protocol("Frame", "Frame", "frame");
    private final FieldDef time = registry.field(frame, "frame.time", "Arrival Time", FieldType.FT_ABSOLUTE_TIME).register();
    private final FieldDef number = registry.field(frame, "frame.number", "Frame Number", FieldType.FT_UINT32).register();
    private final FieldDef len = registry.field(frame, "frame.len", "Frame length", FieldType.FT_UINT32).register();

    @Test
    void aBitPerWantedFieldInTheOrderGiven() {
        WantedFields items = new WantedFields(time, number, len);
        assertEquals(0b010, items.bitsFor(FieldNeeds.of(Set.of("frame.number", "imf.subject"))));
        assertEquals(0b101, items.bitsFor(FieldNeeds.of(Set.of("frame.len", "frame.time"))));
        assertEquals(0b000, items.bitsFor(FieldNeeds.of(Set.of("smtp.req.command"))));
        assertEquals(0b111, items.bitsFor(FieldNeeds.ALL));
        // The protocol's own item (-Y frame) is not its fields.
        assertEquals(0b000, items.bitsFor(FieldNeeds.of(Set.of("frame"))));
    }

    @Test
    void theNeedsAreAskedOncePerRun() {
        WantedFields items = new WantedFields(time, number, len);
        AtomicInteger asked = new AtomicInteger();
        Predicate<String> counting = abbrev -> {
            asked.incrementAndGet();
            return abbrev.equals("frame.len");
        };
        for (int packet = 0; packet < 1000; packet++) {
            assertEquals(0b100, items.bitsFor(counting));
        }
        assertEquals(3, asked.get());
    }

    @Test
    void atMostSixtyFourFields() {
        FieldDef[] many = new FieldDef[65];
        Arrays.fill(many, number);
        assertThrows(IllegalArgumentException.class, () -> new WantedFields(many));
    }
}
