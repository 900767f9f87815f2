package io.jdissect.field;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hex as tshark writes bytes: lowercase, two digits per byte, an optional separator between bytes. */
class FieldFormatHexTest {
    @Test
    void everyByteValueWithAndWithoutSeparator() {
        byte[] all = new byte[256];
        StringBuilder plain = new StringBuilder();
        StringBuilder colons = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
            plain.append(String.format("%02x", i));
            colons.append(i == 0 ? "" : ":").append(String.format("%02x", i));
        }
        assertEquals(plain.toString(), FieldFormat.hex(all, (char) 0));
        assertEquals(colons.toString(), FieldFormat.hex(all, ':'));
        assertEquals("", FieldFormat.hex(new byte[0], ':'));
        assertEquals("7f", FieldFormat.hex(new byte[] {0x7f}, ':'));
    }
}
