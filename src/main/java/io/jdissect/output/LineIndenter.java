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
    /** The same after the comma that separates entries and values. */
    private static final SerializedString[] SEPARATED_LEVELS = new SerializedString[PREPARED];
    private static final DefaultIndenter DEEPER = new DefaultIndenter("  ", "\n");

    static {
        for (int level = 0; level < PREPARED; level++) {
            LEVELS[level] = JsonGenerators.prepared("\n" + "  ".repeat(level));
            SEPARATED_LEVELS[level] = JsonGenerators.prepared(",\n" + "  ".repeat(level));
        }
    }

    /**
     * The comma after an entry or value, then the next line's indentation, as one prepared string:
     * DefaultPrettyPrinter writes the comma as a String, which the generator copies into characters
     * and encodes, before the indentation (both once per field of -T json).
     */
    static void writeSeparatorAndIndentation(JsonGenerator g, int level) throws IOException {
        if (level < PREPARED) {
            g.writeRaw(SEPARATED_LEVELS[level]);
        } else {
            g.writeRaw(',');
            DEEPER.writeIndentation(g, level);
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
