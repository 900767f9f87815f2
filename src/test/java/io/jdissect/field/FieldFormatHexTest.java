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

    /** Four bytes at a time and byte by byte meet at every length and offset, with and without a separator. */
    @Test
    void everyLengthAndOffsetMatchesByteByByte() {
        byte[] data = new byte[64];
        new java.util.Random(7).nextBytes(data);
        data[5] = (byte) 0xff;
        data[6] = 0x00;
        data[7] = (byte) 0x9a;
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

    @Test
    void fourBytesAsEightDigits() {
        assertEquals(0x3031323334353637L, FieldFormat.hexDigits(0x01234567));
        assertEquals(0x3839616263646566L, FieldFormat.hexDigits(0x89abcdef));
        assertEquals(0x3030303030303030L, FieldFormat.hexDigits(0));
        assertEquals(0x6666666666666666L, FieldFormat.hexDigits(-1));
    }
}
