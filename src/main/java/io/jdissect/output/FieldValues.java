package io.jdissect.output;

import io.jdissect.api.Packet;
import io.jdissect.field.FieldFormat;
import io.jdissect.tree.TreeItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The values {@code -e FIELD} extracts from a packet, as tshark's {@code -T fields} writes them:
 * every occurrence in tree order, each in its display-filter text; the {@code _ws.col.*}
 * pseudo-fields give the summary columns.
 */
public final class FieldValues {
    private FieldValues() {
    }

    public static List<String> values(Packet packet, String abbrev) {
        if (abbrev.startsWith("_ws.col.")) {
            String col = column(packet, abbrev.substring("_ws.col.".length()));
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

    /** A summary column by its tshark title (No., Time, Source, Destination, Protocol, Length, Info). */
    public static String column(Packet packet, String title) {
        switch (title) {
            case "No.":
                return Long.toString(packet.number());
            case "Time":
                return packet.info().relativeTime().toSecondsString();
            case "Source":
                return packet.columns().source();
            case "Destination":
                return packet.columns().destination();
            case "Protocol":
                return packet.columns().protocol();
            case "Length":
                return Integer.toString(packet.record().originalLength());
            case "Info":
                return packet.columns().info();
            default:
                return null;
        }
    }
}
