package io.jdissect.filter;

import io.jdissect.api.FieldDef;

import java.util.List;

/**
 * The syntax tree of a display filter as the parser builds it (Wireshark's stnode types), before
 * the semantic check: every node keeps where it came from in the expression, for the caret line
 * of error messages, and the text tshark shows for it in messages ({@link #display()}).
 */
sealed interface FilterNode {
    /** Where the node's token is in the expression (start, length), for carets. */
    Loc loc();

    /** The node as tshark names it in messages (stnode_todisplay). */
    String display();

    /** A span of the expression. */
    record Loc(int start, int length) {
        static final Loc NONE = new Loc(-1, 0);
    }

    /** A field or protocol, optionally restricted to protocol layers ({@code ip.src#2}). */
    record Field(FieldDef def, List<RangeNode> layers, Loc loc) implements FilterNode {
        public String display() {
            return def.abbrev();
        }
    }

    /** {@code ${field}}: the field's value in the selected frame. */
    record Reference(FieldDef def, List<RangeNode> layers, Loc loc) implements FilterNode {
        public String display() {
            return "${" + def.abbrev() + "}";
        }
    }

    /** An unquoted word that is not a field, or a {@code :literal}; converted to the other side's type. */
    record Literal(String text, Loc loc) implements FilterNode {
        public String display() {
            return text;
        }
    }

    /** A double-quoted string, escapes decoded into bytes; {@code token} is its escaped form. */
    record Str(byte[] value, String token, Loc loc) implements FilterNode {
        public String display() {
            return token;
        }
    }

    /** A character constant such as {@code 'a'} or {@code '\x0a'}: an integer. */
    record CharConst(long value, String token, Loc loc) implements FilterNode {
        public String display() {
            return token;
        }
    }

    /** {@code entity[ranges]}: bytes of the entity. */
    record Slice(FilterNode entity, List<RangeNode> ranges, Loc loc) implements FilterNode {
        public String display() {
            return entity.display() + "[" + String.join(",", ranges.stream().map(RangeNode::toString).toList()) + "]";
        }
    }

    /** A call to one of the eight functions. */
    record Function(FilterFunction function, List<FilterNode> args, Loc loc) implements FilterNode {
        public String display() {
            return function.filterName();
        }
    }

    /** Arithmetic: {@code right} is null for unary minus. {@code token} is the operator as written. */
    record Arithmetic(ArithmeticOp op, String token, FilterNode left, FilterNode right, Loc loc)
            implements FilterNode {
        public String display() {
            return token;
        }
    }

    /** A test: logical operators, relations and set membership ({@code right} is a {@link SetOf}). */
    record Test(TestOp op, Quantifier how, String token, FilterNode left, FilterNode right, Loc loc)
            implements FilterNode {
        public String display() {
            return token;
        }

        Test withQuantifier(Quantifier q) {
            return new Test(op, q, token, left, right, loc);
        }
    }

    /** The set of {@code in}: elements, each a value or a range {@code lo..hi} (high null for values). */
    record SetOf(List<FilterNode[]> elements, Loc loc) implements FilterNode {
        public String display() {
            return "{...}";
        }
    }

    enum ArithmeticOp { UNARY_MINUS, ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, BITWISE_AND }

    enum TestOp { AND, OR, NOT, ALL_EQ, ANY_EQ, ALL_NE, ANY_NE, GT, GE, LT, LE, CONTAINS, MATCHES, IN }

    /** The quantifier written before a relation; DEFAULT keeps the operator's own (== any, != all). */
    enum Quantifier { DEFAULT, ANY, ALL }
}
