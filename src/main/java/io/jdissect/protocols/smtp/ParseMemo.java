package io.jdissect.protocols.smtp;

import java.util.function.Function;

/**
 * The parses of recently seen lines, one per slot of a small table indexed by the line's hash (a newer line
 * takes an older one's slot). SMTP says the same lines again and again, session after session: a server's
 * greeting and EHLO extensions, "250 2.1.5 Ok", DATA, QUIT. In the benchmark capture two lines of three
 * had been seen before, and a parse by the grammar costs tens of microseconds until the JIT has compiled
 * ANTLR, which in a short run it barely does. The parses kept are immutable, so a hit returns the same
 * object as the parse it stands for.
 */
final class ParseMemo<T> {
    private static final int SLOTS = 512; // a power of two
    /** Longer lines are parsed every time: the table holds at most this many characters per slot. */
    private static final int LONGEST = 512;

    private final String[] lines = new String[SLOTS];
    private final Object[] parses = new Object[SLOTS];
    private final Function<String, T> parser;

    ParseMemo(Function<String, T> parser) {
        this.parser = parser;
    }

    /** The parse of {@code line}, made by the parser only when its slot holds another line. */
    @SuppressWarnings("unchecked")
    T parse(String line) {
        if (line.length() > LONGEST) {
            return parser.apply(line);
        }
        int h = line.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        if (line.equals(lines[slot])) {
            return (T) parses[slot];
        }
        T parsed = parser.apply(line);
        lines[slot] = line;
        parses[slot] = parsed;
        return parsed;
    }
}
