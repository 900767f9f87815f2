package io.jdissect.output;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** KeyGroups groups as a LinkedHashMap of key to item numbers would, object after object. */
class KeyGroupsTest {
    private final FieldRegistry fields = new FieldRegistry();
    private final ProtocolDef proto = fields.protocol("Test", "TEST", "t");
    private final JsonKey.Table keys = new JsonKey.Table();

    private JsonKey key(String abbrev) {
        FieldDef def = fields.field(proto, abbrev, abbrev, FieldType.FT_STRING).register();
        return keys.of(def, FieldDef::abbrev);
    }

    private static Map<String, List<Integer>> grouped(KeyGroups groups) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (int g = 0; g < groups.groupCount(); g++) {
            List<Integer> items = new ArrayList<>();
            for (int i = groups.first(g); i >= 0; i = groups.next(i)) {
                items.add(i);
            }
            assertEquals(groups.size(g), items.size());
            out.put(groups.text(g), items);
        }
        return out;
    }

    @Test
    void fieldAndTextKeysInFirstSeenOrder() {
        JsonKey a = key("t.a");
        JsonKey b = key("t.b");
        KeyGroups groups = new KeyGroups(keys);
        groups.add(a);
        groups.add("Some text");
        groups.add(b);
        groups.add(a);
        groups.add("t.b"); // a label spelled like a field's key joins that field's group
        groups.add("Some text");
        assertEquals(Map.of("t.a", List.of(0, 3), "Some text", List.of(1, 5), "t.b", List.of(2, 4)), grouped(groups));
        assertEquals(List.of("t.a", "Some text", "t.b"), new ArrayList<>(grouped(groups).keySet()));
        assertSame(b, groups.fieldKey(2));
        assertEquals(null, groups.fieldKey(1));
    }

    @Test
    void manyObjectsOfManyKeysAsAMapWouldGroupThem() {
        List<JsonKey> fieldKeys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fieldKeys.add(key("t.f" + i));
        }
        KeyGroups groups = new KeyGroups(keys);
        Random random = new Random(7);
        for (int object = 0; object < 200; object++) {
            Map<String, List<Integer>> expected = new LinkedHashMap<>();
            int n = random.nextInt(object % 10 == 0 ? 2000 : 40);
            for (int i = 0; i < n; i++) {
                String text;
                if (random.nextBoolean()) {
                    JsonKey k = fieldKeys.get(random.nextInt(fieldKeys.size()));
                    groups.add(k);
                    text = k.text;
                } else {
                    text = "label " + random.nextInt(object % 10 == 0 ? 900 : 12); // many text keys: rehashing
                    groups.add(text);
                }
                expected.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
            }
            assertEquals(n, groups.itemCount());
            assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(grouped(groups).entrySet()), "object " + object);
            groups.clear();
        }
    }
}
