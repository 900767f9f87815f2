package io.jdissect.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One node of a packet's dissection tree (Wireshark's proto_item): a field with its typed value,
 * or a text-only line, and the bytes it stands for ({@link #tvb()}, {@link #offset()},
 * {@link #length()}). Values: integers, booleans and frame numbers as {@code long}
 * ({@link #longValue()}); FT_IPv4 as the address in a {@code long}; strings as {@code String};
 * FT_BYTES, FT_ETHER and FT_IPv6 as {@code byte[]}; times as {@link Timestamp}; FT_DOUBLE as
 * {@code Double}; FT_NONE and FT_PROTOCOL have no value.
 */
public final class TreeItem {
    /** The flags ride in the top two bits of {@link #countAndFlags}. */
    private static final int HIDDEN = 1 << 30;
    private static final int GENERATED = 1 << 31;
    private static final int COUNT = HIDDEN - 1;
    private static final TreeItem DISCARDING = new TreeItem(null, null, 0, 0, 0, null, null);
    /** The value of an {@link #addBytes} item: its own bytes, made when read. */
    private static final Object OWN_BYTES = new Object();

    private final FieldDef def;
    private final Tvb tvb;
    private final int offset;
    private int length;
    private final long num;
    private Object obj;
    /** The display line: null, a String, or the Supplier that makes it when first read. */
    private Object label;
    private String suffix;
    /**
     * The children in an array of the item's own (null until the first), the first
     * {@link #childCount()} of it used: writers and filters walk every item of a tree, and a list
     * object between an item and its children was one more object and one more reference to follow
     * per item with children.
     */
    private TreeItem[] children;
    /**
     * How many of {@code children} are used, with the hidden and generated flags in the top two bits:
     * one int instead of an int and a byte makes an item 56 bytes instead of 64 (a -T json run makes
     * some fifteen million of them per 100 MB of capture, and the writer thread reads every one).
     */
    private int countAndFlags;

    private TreeItem(FieldDef def, Tvb tvb, int offset, int length, long num, Object obj, String text) {
        this.def = def;
        this.tvb = tvb;
        this.offset = offset;
        this.length = length;
        this.num = num;
        this.obj = obj;
        this.label = text;
    }

    /** A root to hang the top-level protocol items of a packet from; it is never printed. */
    public static TreeItem root() {
        return new TreeItem(null, null, 0, 0, 0, null, null);
    }

    /**
     * The item that keeps nothing (Wireshark's NULL tree): whatever is added to it is dropped, it
     * returns itself for every child, and it ignores every decoration. A dissector hands it out
     * instead of its protocol item when {@link PacketInfo#wants} says nothing reads the protocol's
     * items, so that the dissection code stays the same and allocates no items; it must still
     * compute the state other frames and layers need.
     */
    public static TreeItem discarding() {
        return DISCARDING;
    }

    /** Whether this is {@link #discarding()}: for work that only makes an item's value. */
    public boolean isDiscarding() {
        return this == DISCARDING;
    }

    // ---- adding children ----

    /** Adds an integer-typed field (also FT_BOOLEAN, FT_FRAMENUM, FT_IPv4). */
    public TreeItem add(FieldDef def, Tvb tvb, int offset, int length, long value) {
        if (this == DISCARDING) {
            return this;
        }
        return addChild(new TreeItem(def, tvb, offset, length, value, null, null));
    }

    /**
     * Adds a field whose value is an object (string, byte[], {@link Timestamp}, Double). A boxed
     * number for an integer-typed field (a Kaitai value instance is an Integer, and Java picks this
     * overload for it) is kept as the number, where {@link #value()} reads it.
     */
    public TreeItem add(FieldDef def, Tvb tvb, int offset, int length, Object value) {
        if (this == DISCARDING) {
            return this;
        }
        if (value instanceof Number n && holdsNumber(def)) {
            return addChild(new TreeItem(def, tvb, offset, length, n.longValue(), null, null));
        }
        return addChild(new TreeItem(def, tvb, offset, length, 0, value, null));
    }

    /** Whether items of {@code def} keep their value as a number ({@link #longValue()}), not as an object. */
    private static boolean holdsNumber(FieldDef def) {
        return def != null && (def.type().isInteger() || def.type() == FieldType.FT_IPv4);
    }

    /**
     * Adds an FT_BYTES field whose value is the captured bytes it covers (a payload, say), copied
     * only when something reads the value: writers format them straight from the data source.
     */
    public TreeItem addBytes(FieldDef def, Tvb tvb, int offset, int length) {
        if (this == DISCARDING) {
            return this;
        }
        return addChild(new TreeItem(def, tvb, offset, length, 0, OWN_BYTES, null));
    }

    /** Adds a field without a value: FT_NONE labels and FT_PROTOCOL items. */
    public TreeItem add(FieldDef def, Tvb tvb, int offset, int length) {
        if (this == DISCARDING) {
            return this;
        }
        return addChild(new TreeItem(def, tvb, offset, length, 0, null, null));
    }

    /** Adds a text-only line (no field). */
    public TreeItem addText(Tvb tvb, int offset, int length, String text) {
        if (this == DISCARDING) {
            return this;
        }
        return addChild(new TreeItem(null, tvb, offset, length, 0, null, text));
    }

    private TreeItem addChild(TreeItem child) {
        int childCount = childCount();
        if (children == null) {
            children = new TreeItem[4];
        } else if (childCount == children.length) {
            // A layer has a few dozen items: grow in big steps (4, 16, 40, 88, ...). Without a branch
            // on the size: C2 compiled the growth for the sizes the first packets had reached, and the
            // first tree past them (a long message's lines) threw the compiled code away.
            children = Arrays.copyOf(children, 2 * childCount + 8);
        }
        children[childCount] = child;
        countAndFlags++;
        return child;
    }

    /**
     * Removes the children after the first {@code count}: undoes what a dissector that failed
     * added (see {@link #children()} for the count before it ran).
     */
    public void truncateChildren(int count) {
        while (childCount() > Math.max(0, count)) {
            countAndFlags--;
            children[childCount()] = null;
        }
    }

    /**
     * Moves {@code child} (a child of this item) to just after {@code anchor} (another child), as
     * proto_tree_move_item does: TCP puts its "Reassembled TCP Segments" tree right behind the TCP
     * tree although it learns about it only after the application dissector ran.
     */
    public void moveChildAfter(TreeItem child, TreeItem anchor) {
        int from = indexOfChild(child);
        if (from < 0 || child == anchor) {
            return;
        }
        int childCount = childCount();
        System.arraycopy(children, from + 1, children, from, childCount - from - 1);
        childCount--;
        int at = indexOfChild(anchor, childCount);
        int to = at < 0 ? childCount : at + 1;
        System.arraycopy(children, to, children, to + 1, childCount - to);
        children[to] = child;
    }

    private int indexOfChild(TreeItem item) {
        return indexOfChild(item, childCount());
    }

    private int indexOfChild(TreeItem item, int childCount) {
        for (int i = 0; i < childCount; i++) {
            if (children[i] == item) {
                return i;
            }
        }
        return -1;
    }

    // ---- decorations ----

    /** Replaces the whole display line (proto_item_set_text). */
    public TreeItem setText(String text) {
        if (this == DISCARDING) {
            return this;
        }
        this.label = text;
        return this;
    }

    /**
     * Replaces the whole display line with one made only when something reads it: most runs print
     * values, not labels, and building a label (bit pictures, value names) costs more than the item.
     * {@code text} must read only values that do not change afterwards; it may run in the writer's thread.
     */
    public TreeItem setText(Supplier<String> text) {
        if (this == DISCARDING) {
            return this;
        }
        this.label = text;
        return this;
    }

    /** Appends to the display line (proto_item_append_text). */
    public TreeItem appendText(String more) {
        if (this == DISCARDING) {
            return this;
        }
        this.suffix = suffix == null ? more : suffix + more;
        return this;
    }

    /**
     * Fills in a value known only after later layers ran (proto_item_append_string), e.g.
     * frame.protocols; the type must match the field's.
     */
    public TreeItem setValue(Object value) {
        if (this == DISCARDING) {
            return this;
        }
        this.obj = value;
        return this;
    }

    /** Hidden items are in filters and JSON but not in the {@code -V} tree. */
    public TreeItem hidden() {
        if (this == DISCARDING) {
            return this;
        }
        countAndFlags |= HIDDEN;
        return this;
    }

    /** Generated items are computed, not read from the bytes; {@code -V} shows them in brackets. */
    public TreeItem generated() {
        if (this == DISCARDING) {
            return this;
        }
        countAndFlags |= GENERATED;
        return this;
    }

    /** Sets the length once it is known (proto_item_set_len), e.g. for a protocol item. */
    public TreeItem setLength(int length) {
        if (this == DISCARDING) {
            return this;
        }
        this.length = length;
        return this;
    }

    // ---- reading ----

    /** The field, or null for a text-only line. */
    public FieldDef def() {
        return def;
    }

    public Tvb tvb() {
        return tvb;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public long longValue() {
        return num;
    }

    /** The value as an object: Long for integer types, the stored object otherwise, null if none. */
    public Object value() {
        if (def == null) {
            return null;
        }
        if (holdsNumber(def)) {
            return num;
        }
        return obj == OWN_BYTES ? itemBytes() : obj;
    }

    public String stringValue() {
        return obj instanceof String s ? s : null;
    }

    public byte[] bytesValue() {
        return obj == OWN_BYTES ? itemBytes() : obj instanceof byte[] b ? b : null;
    }

    /** Whether the value is the item's own captured bytes ({@link #addBytes}): then {@link #itemBytes()}, without the copy, for writers. */
    public boolean valueIsOwnBytes() {
        return obj == OWN_BYTES;
    }

    /** The display line if set explicitly, else null (writers then format "Name: value"). */
    public String text() {
        Object l = label;
        if (l == null || l instanceof String) { // String is final: one class compare, no interface check
            return (String) l;
        }
        String made;
        try {
            made = (String) ((Supplier<?>) l).get();
        } catch (RuntimeException e) {
            // A label is made when printed, after the dissector's guard: one that fails (a
            // plugin's, say) falls back to the field's own "Name: value" line.
            made = null;
        }
        label = made;
        return made;
    }

    /** Text appended to the display line, or null. */
    public String suffix() {
        return suffix;
    }

    public boolean isHidden() {
        return (countAndFlags & HIDDEN) != 0;
    }

    public boolean isGenerated() {
        return (countAndFlags & GENERATED) != 0;
    }

    /** The children, in order (a read-only view; {@link #childCount()} and {@link #child(int)} make no object). */
    public List<TreeItem> children() {
        int childCount = childCount();
        return childCount == 0 ? Collections.emptyList() : Collections.unmodifiableList(Arrays.asList(children).subList(0, childCount));
    }

    public int childCount() {
        return countAndFlags & COUNT;
    }

    /** Child number {@code i}, from 0. */
    public TreeItem child(int i) {
        if (i < 0 || i >= childCount()) {
            throw new IndexOutOfBoundsException(i);
        }
        return children[i];
    }

    public boolean hasChildren() {
        return childCount() > 0;
    }

    /** The bytes this item covers, as far as they were captured (empty for generated items). */
    public byte[] itemBytes() {
        int len = capturedLength();
        return len == 0 ? new byte[0] : tvb.bytes(offset, len);
    }

    /** How many of the item's bytes were captured: the length of {@link #itemBytes()}. */
    public int capturedLength() {
        return tvb == null || length <= 0 ? 0 : Math.max(0, Math.min(length, tvb.remaining(offset)));
    }

    /** Depth-first walk over this item's descendants (not the item itself). */
    public void forEachDescendant(Consumer<TreeItem> action) {
        for (int i = 0; i < childCount(); i++) {
            TreeItem c = children[i];
            action.accept(c);
            c.forEachDescendant(action);
        }
    }

    /** All descendants carrying {@code def}, in tree order. */
    public List<TreeItem> find(FieldDef wanted) {
        List<TreeItem> out = new ArrayList<>(2);
        forEachDescendant(i -> {
            if (i.def == wanted) {
                out.add(i);
            }
        });
        return out;
    }

    /** All descendants whose field has the abbreviation {@code abbrev}, in tree order. */
    public List<TreeItem> find(String abbrev) {
        List<TreeItem> out = new ArrayList<>(2);
        forEachDescendant(i -> {
            if (i.def != null && i.def.abbrev().equals(abbrev)) {
                out.add(i);
            }
        });
        return out;
    }

    /** The first child carrying {@code wanted}, or null. */
    public TreeItem child(FieldDef wanted) {
        for (int i = 0; i < childCount(); i++) {
            if (children[i].def == wanted) {
                return children[i];
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return (def == null ? "text" : def.abbrev()) + "=" + (text() != null ? text() : value());
    }
}
