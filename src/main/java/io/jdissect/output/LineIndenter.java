package io.jdissect.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;

/**
 * Jackson's {@code DefaultIndenter("  ", "\n")} with each level's newline and spaces prepared once
 * as bytes: DefaultIndenter hands them to the generator as characters, which it encodes one by
 * one, and a {@code -T json} line is mostly indentation (an eighth of the writer thread's time).
 */
final class LineIndenter implements DefaultPrettyPrinter.Indenter {
    private static final int PREPARED = 48;
    private static final SerializedString[] LEVELS = new SerializedString[PREPARED];
    private static final DefaultIndenter DEEPER = new DefaultIndenter("  ", "\n");

    static {
        for (int level = 0; level < PREPARED; level++) {
            LEVELS[level] = new SerializedString("\n" + "  ".repeat(level));
        }
    }

    @Override
    public void writeIndentation(JsonGenerator g, int level) throws IOException {
        if (level < PREPARED) {
            g.writeRaw(LEVELS[level]);
        } else {
            DEEPER.writeIndentation(g, level);
        }
    }

    @Override
    public boolean isInline() {
        return false;
    }
}
