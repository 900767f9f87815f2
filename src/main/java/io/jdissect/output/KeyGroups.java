package io.jdissect.output;

import java.util.Arrays;

/**
 * Groups the items of one JSON object by key, in the order each key first appears, without a map
 * or a list per object: items are numbered as they are added, groups are chains of item numbers,
 * and everything is kept in arrays reused from object to object (one instance per nesting depth).
 * A field's key ({@link JsonKey}) is found by its number; other keys (the labels of text-only
 * items) by hash, after checking that no field has the same key.
 *
 * <pre>{@code
 * groups.clear();
 * for (TreeItem i : children) groups.add(keyOf(i));
 * for (int g = 0; g < groups.groupCount(); g++)
 *     for (int i = groups.first(g); i >= 0; i = groups.next(i)) ...
 * }</pre>
 */
final class KeyGroups {
    private final JsonKey.Table keys;
    private JsonKey[] groupKeys = new JsonKey[16];
    private String[] groupTexts = new String[16];
    private int[] groupHashes = new int[16];
    private int[] groupSlots = new int[16];
    private int[] firsts = new int[16];
    private int[] lasts = new int[16];
    private int[] sizes = new int[16];
    private int[] nexts = new int[16];
    /** Per field key: the object it was last seen in and its group there. */
    private int[] seenIn = new int[0];
    private int[] groupOf = new int[0];
    private int object = 1;
    /** Open addressing for text keys: group number + 1 per slot, 0 for free; at most half full. */
    private int[] slots = new int[32];
    private int textGroups;
    private int items;
    private int groups;

    KeyGroups(JsonKey.Table keys) {
        this.keys = keys;
    }

    void clear() {
        // Only the slots in use are cleared: one object of ten thousand lines leaves a big table behind.
        for (int g = 0; g < groups; g++) {
            if (groupTexts[g] != null) {
                slots[groupSlots[g]] = 0;
                groupTexts[g] = null;
            }
            groupKeys[g] = null;
        }
        object++;
        items = 0;
        groups = 0;
        textGroups = 0;
    }

    /** Adds the next item (numbered from 0 in the order of the calls) under a field's key; returns its number. */
    int add(JsonKey key) {
        int item = nextItem();
        int n = key.number;
        if (n >= seenIn.length) {
            int size = Math.max(keys.size(), n + 1) + 64;
            seenIn = Arrays.copyOf(seenIn, size);
            groupOf = Arrays.copyOf(groupOf, size);
        }
        if (seenIn[n] == object) {
            append(groupOf[n], item);
        } else {
            seenIn[n] = object;
            groupOf[n] = newGroup(key, null, 0, item);
        }
        return item;
    }

    /** Adds the next item under a key that is not a field's (a text-only item's label). */
    int add(String text) {
        JsonKey field = keys.find(text);
        if (field != null) {
            return add(field);
        }
        int item = nextItem();
        int hash = text.hashCode();
        int mask = slots.length - 1;
        int slot = mix(hash) & mask;
        for (int g = slots[slot] - 1; g >= 0; g = slots[slot] - 1) {
            if (groupHashes[g] == hash && groupTexts[g].equals(text)) {
                append(g, item);
                return item;
            }
            slot = (slot + 1) & mask;
        }
        int g = newGroup(null, text, hash, item);
        slots[slot] = g + 1;
        groupSlots[g] = slot;
        if (++textGroups * 2 > slots.length) {
            rehash();
        }
        return item;
    }

    int itemCount() {
        return items;
    }

    int groupCount() {
        return groups;
    }

    /** The field key of {@code group}, or null for a text key ({@link #text}). */
    JsonKey fieldKey(int group) {
        return groupKeys[group];
    }

    /** The key of {@code group} as text. */
    String text(int group) {
        return groupKeys[group] != null ? groupKeys[group].text : groupTexts[group];
    }

    int size(int group) {
        return sizes[group];
    }

    /** The first item of {@code group}. */
    int first(int group) {
        return firsts[group];
    }

    /** The item after {@code item} in its group, or -1. */
    int next(int item) {
        return nexts[item];
    }

    private int nextItem() {
        int item = items++;
        if (item == nexts.length) {
            nexts = Arrays.copyOf(nexts, item * 2);
        }
        nexts[item] = -1;
        return item;
    }

    private void append(int group, int item) {
        nexts[lasts[group]] = item;
        lasts[group] = item;
        sizes[group]++;
    }

    private int newGroup(JsonKey key, String text, int hash, int item) {
        int g = groups++;
        if (g == firsts.length) {
            int n = g * 2;
            groupKeys = Arrays.copyOf(groupKeys, n);
            groupTexts = Arrays.copyOf(groupTexts, n);
            groupHashes = Arrays.copyOf(groupHashes, n);
            groupSlots = Arrays.copyOf(groupSlots, n);
            firsts = Arrays.copyOf(firsts, n);
            lasts = Arrays.copyOf(lasts, n);
            sizes = Arrays.copyOf(sizes, n);
        }
        groupKeys[g] = key;
        groupTexts[g] = text;
        groupHashes[g] = hash;
        firsts[g] = item;
        lasts[g] = item;
        sizes[g] = 1;
        return g;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int g = 0; g < groups; g++) {
            if (groupTexts[g] == null) {
                continue;
            }
            int slot = mix(groupHashes[g]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = g + 1;
            groupSlots[g] = slot;
        }
    }

    /** Spreads String hashes, whose low bits are poor for keys that differ only at the end. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
