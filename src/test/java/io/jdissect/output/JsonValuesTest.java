package io.jdissect.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Base;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JsonValues writes what a String of {@link FieldFormat#jsonText} would: same JSON, byte for byte (the writers' generators write UTF-8 bytes). */
class JsonValuesTest {
    private final FieldRegistry fields = new FieldRegistry();
    private final ProtocolDef proto = fields.protocol("Test", "TEST", "t");
    private final TreeItem root = TreeItem.root();
    private final JsonFactory factory = new JsonFactory();
    private final JsonValues values = new JsonValues();
    private int n;

    private String viaValues(TreeItem item) throws IOException {
        java.io.ByteArrayOutputStream w = new java.io.ByteArrayOutputStream();
        try (JsonGenerator gen = factory.createGenerator(w, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            values.write(gen, item);
        }
        return w.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String viaString(TreeItem item) throws IOException {
        java.io.ByteArrayOutputStream w = new java.io.ByteArrayOutputStream();
        try (JsonGenerator gen = factory.createGenerator(w, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            gen.writeString(FieldFormat.jsonText(item));
        }
        return w.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private FieldDef field(FieldType type, Base base) {
        return fields.field(proto, "t.f" + n++, "F", type).base(base).register();
    }

    @Test
    void integersInEveryBaseAndWidth() throws IOException {
        Random random = new Random(3);
        FieldType[] types = {FieldType.FT_UINT8, FieldType.FT_UINT16, FieldType.FT_UINT24, FieldType.FT_UINT32,
                FieldType.FT_UINT64, FieldType.FT_INT8, FieldType.FT_INT32, FieldType.FT_INT64, FieldType.FT_FRAMENUM};
        long[] edges = {0, 1, 9, 10, 255, 256, 65535, -1, -128, Long.MAX_VALUE, Long.MIN_VALUE, 0x0800, 1L << 40};
        for (FieldType type : types) {
            for (Base base : new Base[] {Base.BASE_DEC, Base.BASE_HEX, Base.BASE_HEX_DEC, Base.BASE_DEC_HEX, Base.BASE_OCT}) {
                if (type == FieldType.FT_FRAMENUM && base != Base.BASE_DEC) {
                    continue;
                }
                FieldDef def = field(type, base);
                for (int i = 0; i < edges.length + 50; i++) {
                    long v = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(64);
                    TreeItem item = root.add(def, null, 0, 0, v);
                    assertEquals(viaString(item), viaValues(item), type + " " + base + " " + v);
                }
            }
        }
    }

    @Test
    void byteStringsAndOtherTypes() throws IOException {
        FieldDef bytes = field(FieldType.FT_BYTES, Base.NONE);
        for (byte[] b : new byte[][] {{}, {0}, {(byte) 0xff, 0x10, 0x0a}, new byte[300]}) {
            TreeItem item = root.add(bytes, null, 0, 0, b);
            assertEquals(viaString(item), viaValues(item));
        }
        FieldDef text = field(FieldType.FT_STRING, Base.NONE);
        TreeItem quoted = root.add(text, null, 0, 0, "say \"hi\"\r\n");
        assertEquals(viaString(quoted), viaValues(quoted));
        FieldDef flag = field(FieldType.FT_BOOLEAN, Base.NONE);
        TreeItem set = root.add(flag, null, 0, 0, 1L);
        assertEquals(viaString(set), viaValues(set));
    }
}
