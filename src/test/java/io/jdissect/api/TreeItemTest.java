package io.jdissect.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tree's children: kept in order as they grow, cut back, moved, and shown read-only. */
class TreeItemTest {
    private static final Tvb TVB = Tvb.ofSource("t", new byte[100]);

    private static List<String> texts(TreeItem item) {
        return item.children().stream().map(TreeItem::text).toList();
    }

    @Test
    void childrenKeepTheirOrderAcrossGrowthTruncationAndMoves() {
        TreeItem root = TreeItem.root();
        assertFalse(root.hasChildren());
        assertEquals(List.of(), root.children());
        for (int i = 0; i < 70; i++) { // past every growth step (4, 16, 48)
            root.addText(TVB, i, 1, "c" + i);
        }
        assertEquals(70, root.childCount());
        assertEquals(IntStream.range(0, 70).mapToObj(i -> "c" + i).toList(), texts(root));
        assertEquals("c69", root.child(69).text());
        assertThrows(IndexOutOfBoundsException.class, () -> root.child(70));

        root.truncateChildren(5);
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4"), texts(root));
        root.moveChildAfter(root.child(4), root.child(1));
        assertEquals(List.of("c0", "c1", "c4", "c2", "c3"), texts(root));
        root.moveChildAfter(root.child(0), root.child(4));
        assertEquals(List.of("c1", "c4", "c2", "c3", "c0"), texts(root));
        TreeItem stranger = TreeItem.root();
        root.moveChildAfter(stranger, root.child(0)); // not a child: nothing happens
        assertEquals(5, root.childCount());
        root.addText(TVB, 0, 1, "after");
        assertEquals("after", root.child(5).text());

        assertThrows(UnsupportedOperationException.class, () -> root.children().remove(0));
        root.truncateChildren(0);
        assertFalse(root.hasChildren());
        assertTrue(root.children().isEmpty());
        assertNull(root.child((FieldDef) null));
    }

    @Test
    void aBoxedNumberForAnIntegerFieldIsKeptAsTheNumber() {
        FieldRegistry fields = new FieldRegistry();
        ProtocolDef ip6 = fields.protocol("Internet Protocol Version 6", "IPv6", "ipv6");
        FieldDef flow = fields.field(ip6, "ipv6.flow", "Flow Label", FieldType.FT_UINT24).register();
        FieldDef name = fields.field(ip6, "ipv6.name", "Name", FieldType.FT_STRING).register();
        TreeItem root = TreeItem.root();
        Integer boxed = 0x12345; // a Kaitai value instance: Java picks add(..., Object) for it
        TreeItem item = root.add(flow, TVB, 1, 3, boxed);
        assertEquals(0x12345L, item.longValue());
        assertEquals(0x12345L, item.value());
        assertEquals("x", root.add(name, TVB, 0, 1, "x").value());
    }

    @Test
    void flagsAndTheChildCountShareAnIntWithoutDisturbingEachOther() {
        TreeItem root = TreeItem.root();
        TreeItem item = root.addText(TVB, 0, 1, "parent").hidden();
        for (int i = 0; i < 20; i++) {
            item.addText(TVB, i, 1, "c" + i);
        }
        assertTrue(item.isHidden());
        assertFalse(item.isGenerated());
        item.generated();
        assertEquals(20, item.childCount());
        item.truncateChildren(3);
        item.moveChildAfter(item.child(0), item.child(2));
        assertEquals(List.of("c1", "c2", "c0"), texts(item));
        assertTrue(item.isHidden());
        assertTrue(item.isGenerated());
        item.truncateChildren(0);
        assertFalse(item.hasChildren());
        assertTrue(item.isHidden() && item.isGenerated());
        TreeItem plain = root.addText(TVB, 0, 1, "plain");
        plain.addText(TVB, 0, 1, "child");
        assertFalse(plain.isHidden() || plain.isGenerated());
        assertEquals(1, plain.childCount());
    }

    @Test
    void aLabelIsAStringOrMadeOnceWhenFirstRead() {
        TreeItem root = TreeItem.root();
        int[] made = new int[1];
        TreeItem later = root.addText(TVB, 0, 1, "first").setText(() -> "made " + ++made[0]);
        assertEquals(0, made[0]);
        assertEquals("made 1", later.text());
        assertEquals("made 1", later.text());
        assertEquals(1, made[0]);
        assertEquals("plain", later.setText("plain").text());
        TreeItem failing = root.addText(TVB, 0, 1, "x").setText(() -> {
            throw new IllegalStateException("a plugin's label");
        });
        assertNull(failing.text()); // the writer falls back to "Name: value"
        assertNull(root.addText(TVB, 0, 1, "y").setText(() -> null).text());
    }
}
