package io.jdissect.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteContext;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Jackson generators and prepared strings for the JSON writers, with nothing left to be made
 * lazily in the middle of a run. Jackson makes a nesting level's context the first time an object
 * is opened that deep, and a SerializedString's bytes the first time it is written; C2 compiles the
 * writers after the first hundred or so packets, with those checks as never true, and a capture
 * that first nests deeper or first meets a key later (a multipart message, a new header) threw the
 * compiled writer away and had C2 compile it again: on the 100 MB benchmark capture -T json's
 * writeGroup, writeChildren and the entry separator were each compiled twice.
 */
final class JsonGenerators {
    /** Deeper than any dissection tree nests (a deeper one only costs that recompilation). */
    private static final int PREPARED_DEPTH = 64;
    /** Thread-safe and configured the same for every writer: one for all (each writer made its own). */
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonGenerators() {
    }

    /**
     * A UTF-8 generator on {@code out} that neither closes nor flushes it (the writer flushes its
     * buffered stream at the end), with its nested object and array contexts made.
     */
    static JsonGenerator create(OutputStream out) throws IOException {
        JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        // Objects and arrays share a level's context: made here, it is reset, not made, when opened.
        if (gen.getOutputContext() instanceof JsonWriteContext context) {
            for (int depth = 0; depth < PREPARED_DEPTH; depth++) {
                context = context.createChildObjectContext();
            }
        }
        return gen;
    }

    /** {@code text} as a SerializedString with its quoted and unquoted bytes already made. */
    static SerializedString prepared(String text) {
        SerializedString s = new SerializedString(text);
        s.asQuotedUTF8();
        s.asUnquotedUTF8();
        return s;
    }
}
