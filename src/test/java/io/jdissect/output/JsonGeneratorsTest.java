package io.jdissect.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonGeneratorsTest {
    @Test
    void makingTheNestedContextsWritesNothingAndLeavesTheGeneratorAtItsRoot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonGenerator gen = JsonGenerators.create(out);
        assertTrue(gen.getOutputContext().inRoot());
        gen.flush();
        assertEquals(0, out.size());
    }

    @Test
    void writesObjectsAndArraysNestedWithinAndBeyondThePreparedDepth() throws Exception {
        for (int depth : new int[] {1, 3, 64, 70}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JsonGenerator gen = JsonGenerators.create(out);
            StringBuilder expected = new StringBuilder();
            for (int d = 0; d < depth; d++) {
                if (d % 2 == 0) {
                    gen.writeStartObject();
                    gen.writeFieldName("k" + d);
                    expected.append("{\"k").append(d).append("\":");
                } else {
                    gen.writeStartArray();
                    gen.writeString("v");
                    expected.append("[\"v\",");
                }
            }
            gen.writeNumber(1);
            expected.append('1');
            for (int d = depth - 1; d >= 0; d--) {
                if (d % 2 == 0) {
                    gen.writeEndObject();
                    expected.append('}');
                } else {
                    gen.writeEndArray();
                    expected.append(']');
                }
            }
            gen.flush();
            assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8), "depth " + depth);
            assertTrue(gen.getOutputContext().inRoot());
        }
    }

    @Test
    void preparedStringsHaveTheirBytesAlreadyAndTheSameAsJacksonMakesThem() {
        String text = "tab\there \"quoted\" é";
        SerializedString prepared = JsonGenerators.prepared(text);
        SerializedString lazy = new SerializedString(text);
        assertArrayEquals(lazy.asQuotedUTF8(), prepared.asQuotedUTF8());
        assertArrayEquals(lazy.asUnquotedUTF8(), prepared.asUnquotedUTF8());
        assertEquals(text, prepared.getValue());
    }
}
