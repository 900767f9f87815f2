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

    /** Every length and offset, with and without a separator, and nothing written past the end. */
    @Test
    void everyLengthAndOffsetMatchesByteByByte() {
        byte[] data = new byte[64];
        new java.util.Random(7).nextBytes(data);
        for (char sep : new char[] {0, ':', ' '}) {
            for (int from = 0; from < 5; from++) {
                for (int len = 0; from + len <= data.length; len++) {
                    StringBuilder expected = new StringBuilder();
                    for (int i = 0; i < len; i++) {
                        if (i > 0 && sep != 0) {
                            expected.append(sep);
                        }
                        expected.append(String.format("%02x", data[from + i] & 0xff));
                    }
                    byte[] out = new byte[FieldFormat.hexLength(len, sep) + 3];
                    java.util.Arrays.fill(out, (byte) '#');
                    FieldFormat.hexAscii(data, from, len, sep, out);
                    String written = new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertEquals(expected + "###", written, "sep " + (int) sep + ", from " + from + ", length " + len);
                }
            }
        }
    }
}
