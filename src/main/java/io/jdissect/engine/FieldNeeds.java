package io.jdissect.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which fields a run reads — the display filter's, the printed ones, or all of them for a tree or
 * JSON — so that dissectors can leave out items nobody reads and the work only those items need
 * ({@link io.jdissect.api.PacketInfo#wants}). Tested with a protocol or field abbreviation: true
 * when it or a field below it ({@code abbrev.*}) is needed.
 */
public final class FieldNeeds implements Predicate<String> {
    /** Every field, jdissect's own included, and the columns: the default, and what taps and exports need. */
    public static final FieldNeeds ALL = new FieldNeeds(true, true, List.of());
    /**
     * Every field but the columns ({@code _ws.col.*}): a whole tree or whole packets in JSON or EK,
     * which print no summary line and no column.
     */
    public static final FieldNeeds ALL_BUT_COLUMNS = new FieldNeeds(true, false, List.of());

    private static final String COLUMNS = "_ws.col";

    private final boolean everything;
    /** With {@code everything}: whether the columns are read too. */
    private final boolean columns;
    private final List<String> fields;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    private FieldNeeds(boolean everything, boolean columns, List<String> fields) {
        this.everything = everything;
        this.columns = columns;
        this.fields = fields;
    }

    /**
     * {@code fields} by name. Expert and malformed items ({@code _ws.*} but the columns) are added
     * by every protocol, jdissect's own code too, so asking for them asks for all.
     */
    public static FieldNeeds of(Set<String> fields) {
        for (String f : fields) {
            if (f.equals("_ws") || (f.startsWith("_ws.") && !f.startsWith("_ws.col.")) || f.startsWith("expert")) {
                return ALL;
            }
        }
        return new FieldNeeds(false, true, List.copyOf(fields));
    }

    @Override
    public boolean test(String abbrev) {
        if (everything) {
            return columns || !within(abbrev, COLUMNS);
        }
        // Asked several times per packet with a few dozen names: each is answered once.
        Boolean known = answers.get(abbrev);
        if (known == null) {
            known = reads(abbrev);
            answers.put(abbrev, known);
        }
        return known;
    }

    private boolean reads(String abbrev) {
        for (String f : fields) {
            if (within(f, abbrev)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is {@code prefix} or a field below it ({@code prefix.*}). */
    private static boolean within(String name, String prefix) {
        return name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.');
    }

    @Override
    public String toString() {
        return everything ? columns ? "all fields" : "all fields but the columns" : fields.toString();
    }
}
