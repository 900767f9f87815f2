package io.jdissect.output;

import io.jdissect.api.Packet;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The values {@code -e FIELD} extracts from a packet, as tshark's {@code -T fields} writes them:
 * every occurrence in tree order, each in its display-filter text; the {@code _ws.col.*}
 * pseudo-fields give the summary columns.
 */
public final class FieldValues {
    /** Prefix of the pseudo-fields that stand for summary columns ({@code _ws.col.Info}). */
    public static final String COLUMN_PREFIX = "_ws.col.";
    private static final SummaryColumns DEFAULT_COLUMNS = new SummaryColumns();

    private FieldValues() {
    }

    /** Values with the default columns (time relative to the first frame). */
    public static List<String> values(Packet packet, String abbrev) {
        return values(packet, abbrev, DEFAULT_COLUMNS);
    }

    /** Values, taking {@code _ws.col.*} from {@code columns}. */
    public static List<String> values(Packet packet, String abbrev, SummaryColumns columns) {
        if (abbrev.startsWith(COLUMN_PREFIX)) {
            String col = columns.column(packet, abbrev.substring(COLUMN_PREFIX.length()));
            return col == null ? List.of() : List.of(col);
        }
        List<TreeItem> items = packet.fields(abbrev);
        List<String> out = new ArrayList<>(items.size());
        for (TreeItem i : items) {
            String v = FieldFormat.fieldsText(i);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Values, taking {@code _ws.col.*} from the options' columns, of the occurrences the options
     * show: with {@code --tshark-only} none inside jdissect's own fields or expert items.
     */
    public static List<String> values(Packet packet, String abbrev, OutputOptions options) {
        if (!options.tsharkOnly() || abbrev.startsWith(COLUMN_PREFIX)) {
            return values(packet, abbrev, options.columns());
        }
        List<String> out = new ArrayList<>(2);
        collectShown(packet.tree(), abbrev, options, out);
        return out;
    }

    private static void collectShown(TreeItem parent, String abbrev, OutputOptions options, List<String> out) {
        for (int i = 0; i < parent.childCount(); i++) {
            TreeItem c = parent.child(i);
            if (!options.shows(c)) {
                continue;
            }
            if (c.def() != null && c.def().abbrev().equals(abbrev)) {
                String v = FieldFormat.fieldsText(c);
                if (v != null) {
                    out.add(v);
                }
            }
            collectShown(c, abbrev, options, out);
        }
    }

    /** True if {@code abbrev} names a summary column pseudo-field. */
    public static boolean isColumn(String abbrev) {
        return abbrev.startsWith(COLUMN_PREFIX)
                && SummaryColumns.TITLES.contains(abbrev.substring(COLUMN_PREFIX.length()));
    }
}
