package io.jdissect.output;

import com.fasterxml.jackson.core.io.SerializedString;
import io.jdissect.api.FieldDef;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON key that stands for a field (its abbreviation, or EK's flattened name): numbered densely,
 * so that {@link KeyGroups} can group by number instead of hashing, and prepared as quoted UTF-8
 * bytes, so that the generator copies it instead of escaping it character by character. Fields
 * that share a key (two definitions of one abbreviation) share one JsonKey.
 */
final class JsonKey {
    final int number;
    final String text;
    final SerializedString name;
    /** {@code <key>_tree}, the key of a field's subtree in {@code -T json}. */
    final SerializedString tree;

    private JsonKey(int number, String text) {
        this.number = number;
        this.text = text;
        this.name = JsonGenerators.prepared(text);
        this.tree = JsonGenerators.prepared(text + "_tree");
    }

    /** The keys of one writer, found by field definition (an array lookup) or by text. */
    static final class Table {
        private final Map<String, JsonKey> byText = new HashMap<>();
        private JsonKey[] byDef = new JsonKey[1024];

        /** The key of {@code def}, named {@code text} when first asked. */
        JsonKey of(FieldDef def, java.util.function.Function<FieldDef, String> text) {
            int id = def.id();
            if (id >= byDef.length) {
                byDef = Arrays.copyOf(byDef, Math.max(id + 1, byDef.length * 2));
            }
            JsonKey k = byDef[id];
            if (k == null) {
                k = byText.computeIfAbsent(text.apply(def), t -> new JsonKey(byText.size(), t));
                byDef[id] = k;
            }
            return k;
        }

        /** The field key spelled {@code text}, or null when no field has that key. */
        JsonKey find(String text) {
            return byText.get(text);
        }

        int size() {
            return byText.size();
        }
    }
}
