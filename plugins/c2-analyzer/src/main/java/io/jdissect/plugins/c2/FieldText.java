package io.jdissect.plugins.c2;

import io.jdissect.api.TreeItem;

/** The text of a string field, "" when the item holds none (a dissector may leave a value out on bad input). */
final class FieldText {
    private FieldText() {
    }

    static String of(TreeItem item) {
        String s = item.stringValue();
        return s == null ? "" : s;
    }
}
