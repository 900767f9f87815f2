package io.jdissect.filter;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.Packet;
import io.jdissect.filter.FilterNode.ArithmeticOp;
import io.jdissect.filter.FilterNode.Loc;
import io.jdissect.filter.FilterNode.Quantifier;
import io.jdissect.filter.FilterNode.TestOp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The semantic check and code generation of tshark (semcheck.c, gencode.c) in one pass: checks
 * types, converts literals to the type of the other side (with tshark's messages and carets), and
 * builds the evaluator: a tree of closures over {@link FrameFields} that parses nothing per packet.
 * An operand yields the list of its values in a packet, or null when a field it reads is absent
 * (which makes the relation false, as tshark's jump on a failed load does).
 */
final class FilterCompiler {
    /** A compiled test. */
    interface Test {
        boolean test(FrameFields frame);
    }

    /** A compiled operand: every value in the packet, or null when absent. */
    interface Operand {
        List<Object> values(FrameFields frame);
    }

    /** An operand with its field type and how it prints in {@code --validate-filter}. */
    record Typed(FieldType type, Operand operand, String text) {
    }

    /** A compiled test and how it prints. */
    record Compiled(Test test, String text) {
    }

    private final Set<String> fieldsUsed = new LinkedHashSet<>();
    private final Packet selected;

    /** {@code selected}: the frame {@code ${field}} references read, or null when none is selected. */
    FilterCompiler(Packet selected) {
        this.selected = selected;
    }

    Set<String> fieldsUsed() {
        return fieldsUsed;
    }

    private static FilterException fail(FilterNode node, String message) {
        Loc loc = node.loc();
        return new FilterException(message, loc.start(), loc.length());
    }

    // ---- tests ----

    Compiled compile(FilterNode node) throws FilterException {
        if (node instanceof FilterNode.Test t) {
            return test(t);
        }
        if (node instanceof FilterNode.Field f) {
            Typed field = field(f);
            Operand op = field.operand;
            return new Compiled(frame -> op.values(frame) != null, "exists " + field.text);
        }
        if (node instanceof FilterNode.Arithmetic) {
            Typed t = arithmetic(node, FieldType.FT_NONE);
            Operand op = t.operand;
            return new Compiled(frame -> notAllZero(op.values(frame)), "not_zero " + t.text);
        }
        if (node instanceof FilterNode.Slice s) {
            Typed t = slice(s, FieldType.FT_NONE);
            Operand op = t.operand;
            return new Compiled(frame -> {
                List<Object> v = op.values(frame);
                return v != null && v.stream().anyMatch(x -> FValues.toBytes(x).length != 0);
            }, "exists " + t.text);
        }
        if (node instanceof FilterNode.Function) {
            throw fail(node, "You cannot test whether a function is present.");
        }
        throw fail(node, node.display() + " is neither a field nor a protocol name.");
    }

    private static boolean notAllZero(List<Object> values) {
        return values != null && values.stream().anyMatch(v -> !FValues.isZero(v));
    }

    private Compiled test(FilterNode.Test t) throws FilterException {
        switch (t.op()) {
            case NOT: {
                Compiled a = compile(t.left());
                Test x = a.test;
                return new Compiled(frame -> !x.test(frame), "not " + a.text);
            }
            case AND: {
                Compiled a = compile(t.left());
                Compiled b = compile(t.right());
                Test x = a.test;
                Test y = b.test;
                return new Compiled(frame -> x.test(frame) && y.test(frame), "(" + a.text + " and " + b.text + ")");
            }
            case OR: {
                Compiled a = compile(t.left());
                Compiled b = compile(t.right());
                Test x = a.test;
                Test y = b.test;
                return new Compiled(frame -> x.test(frame) || y.test(frame), "(" + a.text + " or " + b.text + ")");
            }
            case IN:
                return in(t);
            case MATCHES:
                return matches(t);
            case CONTAINS: {
                Typed[] sides = relation(t, FilterCompiler::canContains, true, false);
                return relationTest(t, sides, FValues::contains);
            }
            default: {
                boolean ordering = t.op() == TestOp.GT || t.op() == TestOp.GE || t.op() == TestOp.LT
                        || t.op() == TestOp.LE;
                Typed[] sides = relation(t, ordering ? FilterCompiler::canCompare : FilterCompiler::canEqual, false, true);
                Pair p = switch (t.op()) {
                    case ALL_EQ, ANY_EQ -> FValues::equal;
                    case ALL_NE, ANY_NE -> (a, b) -> !FValues.equal(a, b);
                    case GT -> (a, b) -> FValues.compare(a, b) > 0;
                    case GE -> (a, b) -> FValues.compare(a, b) >= 0;
                    case LT -> (a, b) -> FValues.compare(a, b) < 0;
                    default -> (a, b) -> FValues.compare(a, b) <= 0;
                };
                return relationTest(t, sides, p);
            }
        }
    }

    /** A comparison of two values. */
    interface Pair {
        boolean test(Object a, Object b);
    }

    /** Whether the operator wants all pairs to match: its own default, unless a quantifier says otherwise. */
    private static boolean wantsAll(FilterNode.Test t) {
        if (t.how() != Quantifier.DEFAULT) {
            return t.how() == Quantifier.ALL;
        }
        return t.op() == TestOp.ALL_EQ || t.op() == TestOp.ALL_NE;
    }

    private static Compiled relationTest(FilterNode.Test t, Typed[] sides, Pair pair) {
        Operand left = sides[0].operand;
        Operand right = sides[1].operand;
        boolean all = wantsAll(t);
        Test test = frame -> {
            List<Object> a = left.values(frame);
            if (a == null) {
                return false;
            }
            List<Object> b = right.values(frame);
            if (b == null) {
                return false;
            }
            for (Object x : a) {
                for (Object y : b) {
                    boolean m = pair.test(x, y);
                    if (all && !m) {
                        return false;
                    }
                    if (!all && m) {
                        return true;
                    }
                }
            }
            return all;
        };
        String q = t.how() == Quantifier.DEFAULT ? "" : t.how().name().toLowerCase(Locale.ROOT) + " ";
        return new Compiled(test, q + sides[0].text + " " + t.op().name().toLowerCase(Locale.ROOT) + " " + sides[1].text);
    }

    private Compiled matches(FilterNode.Test t) throws FilterException {
        if (!(t.right() instanceof FilterNode.Str s)) {
            throw fail(t.right(), "Matches requires a double quoted string on the right side.");
        }
        BoundedRegex regex = BoundedRegex.compile(s.value());
        Typed[] sides = relation(t, FilterCompiler::canMatch, true, false);
        Operand left = sides[0].operand;
        boolean all = t.how() == Quantifier.ALL;
        Test test = frame -> {
            List<Object> a = left.values(frame);
            if (a == null) {
                return false;
            }
            for (Object x : a) {
                boolean m = regex.find(FValues.matchText(x));
                if (all && !m) {
                    return false;
                }
                if (!all && m) {
                    return true;
                }
            }
            return all;
        };
        return new Compiled(test, (all ? "all " : "") + sides[0].text + " matches /" + regex + "/");
    }

    private Compiled in(FilterNode.Test t) throws FilterException {
        if (!(t.left() instanceof FilterNode.Field f)) {
            throw fail(t.left(), "Only a field may be tested for membership in a set.");
        }
        FilterNode.SetOf set = (FilterNode.SetOf) t.right();
        Typed lhs = field(f);
        List<Object[]> elements = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (FilterNode[] e : set.elements()) {
            if (e[0] instanceof FilterNode.Slice) {
                throw fail(e[0], "A slice may not appear inside a set.");
            }
            if (e[1] != null) {
                Typed low = rhsOfField(t, f, lhs, e[0], FilterCompiler::canCompare, false)[1];
                Typed high = rhsOfField(t, f, lhs, e[1], FilterCompiler::canCompare, false)[1];
                elements.add(new Object[] {low.operand, high.operand});
                texts.add(low.text + ".." + high.text);
            } else {
                Typed v = rhsOfField(t, f, lhs, e[0], FilterCompiler::canEqual, false)[1];
                elements.add(new Object[] {v.operand, null});
                texts.add(v.text);
            }
        }
        Operand left = lhs.operand;
        boolean all = t.how() == Quantifier.ALL;
        Test test = frame -> {
            List<Object> a = left.values(frame);
            if (a == null) {
                return false;
            }
            for (Object[] e : elements) {
                List<Object> lo = ((Operand) e[0]).values(frame);
                if (lo == null || lo.isEmpty()) {
                    continue;
                }
                if (e[1] == null) {
                    if (quantified(a, x -> lo.stream().anyMatch(y -> FValues.equal(x, y)), all)) {
                        return true;
                    }
                } else {
                    List<Object> hi = ((Operand) e[1]).values(frame);
                    if (hi == null || hi.isEmpty()) {
                        continue;
                    }
                    Object l = lo.get(0);
                    Object h = hi.get(0);
                    if (quantified(a, x -> FValues.compare(x, l) >= 0 && FValues.compare(x, h) <= 0, all)) {
                        return true;
                    }
                }
            }
            return false;
        };
        return new Compiled(test, (all ? "all " : "") + lhs.text + " in {" + String.join(", ", texts) + "}");
    }

    private static boolean quantified(List<Object> values, Predicate<Object> p, boolean all) {
        return all ? values.stream().allMatch(p) : values.stream().anyMatch(p);
    }

    // ---- relations: the left side decides how the right side is converted ----

    /**
     * check_relation: returns the compiled left and right operands of a relation. {@code arithmeticLhs}
     * is false for contains/matches, whose left side may not be an arithmetic expression.
     */
    private Typed[] relation(FilterNode.Test t, Predicate<FieldType> can, boolean partial, boolean arithmeticLhs)
            throws FilterException {
        FilterNode a = t.left();
        FilterNode b = t.right();
        if (a instanceof FilterNode.Field || a instanceof FilterNode.Reference) {
            return rhsOfField(t, a, fieldLike(a), b, can, partial);
        }
        if (a instanceof FilterNode.Slice s) {
            return rhsOfSlice(slice(s, FieldType.FT_NONE), b, can, partial);
        }
        if (a instanceof FilterNode.Function fn) {
            Typed lhs = function(fn, FieldType.FT_NONE);
            if (!can.test(lhs.type)) {
                throw fail(a, "Function " + fn.function().filterName() + " (type=" + lhs.type.description()
                        + ") cannot participate in " + t.display() + " comparison.");
            }
            return rhsOfFunction(fn, lhs, b, can, partial);
        }
        if (a instanceof FilterNode.Arithmetic && arithmeticLhs) {
            Typed lhs = arithmetic(a, FieldType.FT_NONE);
            FilterNode leftmost = leftmost(a);
            if (leftmost instanceof FilterNode.Slice) {
                return rhsOfSlice(lhs, b, can, partial);
            }
            if (leftmost instanceof FilterNode.Function fn) {
                return rhsOfFunction(fn, lhs, b, can, partial);
            }
            return rhsOfField(t, leftmost, lhs, b, can, partial);
        }
        if (arithmeticLhs) {
            throw fail(a, "Left side of \"" + t.display() + "\" expression must be a field or function, not "
                    + a.display() + ".");
        }
        throw fail(a, "Left side of " + t.display() + " expression must be a field or function, not " + a.display() + ".");
    }

    private static FilterNode leftmost(FilterNode n) {
        while (n instanceof FilterNode.Arithmetic ar) {
            n = ar.left();
        }
        return n;
    }

    private Typed fieldLike(FilterNode n) throws FilterException {
        if (n instanceof FilterNode.Field f) {
            return field(f);
        }
        FilterNode.Reference r = (FilterNode.Reference) n;
        if (selected == null) {
            // No frame is selected: a reference has no value (tshark: the test is false).
            return new Typed(r.def().type(), frame -> null, r.display());
        }
        // tshark (--selected-frame) reads the reference once, from the selected frame, when the
        // filter is compiled; every packet is then compared with those constant values.
        Operand read = field(new FilterNode.Field(r.def(), r.layers(), r.loc())).operand();
        List<Object> values = read.values(new FrameFields(selected, FrameFields.wanted(Set.of(r.def().abbrev()))));
        return new Typed(r.def().type(), frame -> values, r.display());
    }

    private static FieldDef defOf(FilterNode n) {
        if (n instanceof FilterNode.Field f) {
            return f.def();
        }
        if (n instanceof FilterNode.Reference r) {
            return r.def();
        }
        return null;
    }

    /** check_relation_LHS_FIELD (also for an arithmetic left side led by a field). */
    private Typed[] rhsOfField(FilterNode.Test t, FilterNode a, Typed lhs, FilterNode b, Predicate<FieldType> can,
                               boolean partial) throws FilterException {
        FieldType ft1 = lhs.type;
        FieldDef def = defOf(a);
        String name = def != null ? def.abbrev() : a.display();
        if (!can.test(ft1)) {
            throw fail(a, name + " (type=" + ft1.description() + ") cannot participate in " + t.display()
                    + " comparison.");
        }
        if (b instanceof FilterNode.Field || b instanceof FilterNode.Reference) {
            Typed rhs = fieldLike(b);
            if (!compatible(ft1, rhs.type)) {
                throw fail(b, name + " and " + b.display() + " are not of compatible types.");
            }
            if (!can.test(rhs.type)) {
                throw fail(b, b.display() + " (type=" + rhs.type.description()
                        + ") cannot participate in specified comparison.");
            }
            return new Typed[] {lhs, rhs};
        }
        if (b instanceof FilterNode.Str || b instanceof FilterNode.Literal || b instanceof FilterNode.CharConst) {
            return new Typed[] {lhs, constant(ft1, b, partial, def)};
        }
        if (b instanceof FilterNode.Slice s) {
            Typed rhs = slice(s, ft1);
            if (!isBytesType(ft1)) {
                if (!canSlice(ft1)) {
                    throw fail(a, "\"" + name + "\" is a " + ft1.description()
                            + " and cannot be converted into a sequence of bytes.");
                }
                lhs = asBytes(lhs);
            }
            return new Typed[] {lhs, rhs};
        }
        if (b instanceof FilterNode.Function fn) {
            Typed rhs = function(fn, ft1);
            if (!compatible(ft1, rhs.type)) {
                throw fail(b, name + " (type=" + ft1.description() + ") and return value of "
                        + fn.function().filterName() + "() (type=" + rhs.type.description()
                        + ") are not of compatible types.");
            }
            if (!can.test(rhs.type)) {
                throw fail(b, "return value of " + fn.function().filterName() + "() (type="
                        + rhs.type.description() + ") cannot participate in specified comparison.");
            }
            return new Typed[] {lhs, rhs};
        }
        Typed rhs = arithmetic(b, ft1);
        checkArithmeticRhs(a, b, ft1, rhs, can);
        return new Typed[] {lhs, rhs};
    }

    private void checkArithmeticRhs(FilterNode a, FilterNode b, FieldType ft1, Typed rhs, Predicate<FieldType> can)
            throws FilterException {
        if (!compatible(ft1, rhs.type)) {
            throw fail(b, a.display() + " and " + b.display() + " are not of compatible types.");
        }
        if (!can.test(rhs.type)) {
            throw fail(b, b.display() + " (type=" + rhs.type.description()
                    + ") cannot participate in specified comparison.");
        }
    }

    /** check_relation_LHS_SLICE: the right side becomes bytes. */
    private Typed[] rhsOfSlice(Typed lhs, FilterNode b, Predicate<FieldType> can, boolean partial)
            throws FilterException {
        if (b instanceof FilterNode.Field || b instanceof FilterNode.Reference) {
            Typed rhs = fieldLike(b);
            if (!isBytesType(rhs.type)) {
                if (!canSlice(rhs.type)) {
                    throw fail(b, "\"" + b.display() + "\" is a " + rhs.type.description()
                            + " and cannot be converted into a sequence of bytes.");
                }
                rhs = asBytes(rhs);
            }
            return new Typed[] {lhs, rhs};
        }
        if (b instanceof FilterNode.Str || b instanceof FilterNode.Literal || b instanceof FilterNode.CharConst) {
            return new Typed[] {lhs, constant(FieldType.FT_BYTES, b, partial, null)};
        }
        if (b instanceof FilterNode.Slice s) {
            return new Typed[] {lhs, slice(s, FieldType.FT_BYTES)};
        }
        if (b instanceof FilterNode.Function fn) {
            Typed rhs = function(fn, FieldType.FT_BYTES);
            if (!isBytesType(rhs.type)) {
                if (!canSlice(rhs.type)) {
                    throw fail(b, "Return value of function \"" + fn.function().filterName() + "\" is a "
                            + rhs.type.description() + " and cannot be converted into a sequence of bytes.");
                }
                rhs = asBytes(rhs);
            }
            return new Typed[] {lhs, rhs};
        }
        Typed rhs = arithmetic(b, FieldType.FT_BYTES);
        checkArithmeticRhs(b, b, FieldType.FT_BYTES, rhs, can);
        return new Typed[] {lhs, rhs};
    }

    /** check_relation_LHS_FUNCTION. */
    private Typed[] rhsOfFunction(FilterNode.Function fn, Typed lhs, FilterNode b, Predicate<FieldType> can,
                                  boolean partial) throws FilterException {
        FieldType ft1 = lhs.type;
        String name = fn.function().filterName();
        if (b instanceof FilterNode.Field || b instanceof FilterNode.Reference) {
            Typed rhs = fieldLike(b);
            if (!compatible(ft1, rhs.type)) {
                throw fail(b, "Function " + name + " and " + b.display() + " are not of compatible types.");
            }
            if (!can.test(rhs.type)) {
                throw fail(b, b.display() + " (type=" + rhs.type.description()
                        + ") cannot participate in specified comparison.");
            }
            return new Typed[] {lhs, rhs};
        }
        if (b instanceof FilterNode.Str || b instanceof FilterNode.Literal || b instanceof FilterNode.CharConst) {
            return new Typed[] {lhs, constant(ft1, b, partial, null)};
        }
        if (b instanceof FilterNode.Slice s) {
            Typed rhs = slice(s, ft1);
            if (!isBytesType(ft1)) {
                if (!canSlice(ft1)) {
                    throw fail(fn, "Function \"" + name + "\" is a " + ft1.description()
                            + " and cannot be converted into a sequence of bytes.");
                }
                lhs = asBytes(lhs);
            }
            return new Typed[] {lhs, rhs};
        }
        if (b instanceof FilterNode.Function fn2) {
            Typed rhs = function(fn2, ft1);
            if (!compatible(ft1, rhs.type)) {
                throw fail(b, "Return values of function " + name + " (type=" + ft1.description() + ") and function "
                        + name + " (type=" + rhs.type.description() + ") are not of compatible types.");
            }
            if (!can.test(rhs.type)) {
                throw fail(b, "Return value of " + fn2.function().filterName() + " (type=" + rhs.type.description()
                        + ") cannot participate in specified comparison.");
            }
            return new Typed[] {lhs, rhs};
        }
        Typed rhs = arithmetic(b, ft1);
        checkArithmeticRhs(fn, b, ft1, rhs, can);
        return new Typed[] {lhs, rhs};
    }

    /** A literal, string or character constant converted to {@code type} once, at compile time. */
    private static Typed constant(FieldType type, FilterNode n, boolean partial, FieldDef labels)
            throws FilterException {
        Object v;
        try {
            if (n instanceof FilterNode.Str s) {
                v = LiteralConverter.fromString(type, s.value(), labels);
            } else if (n instanceof FilterNode.CharConst c) {
                v = LiteralConverter.fromCharConst(type, c.value());
            } else {
                v = LiteralConverter.fromLiteral(type, ((FilterNode.Literal) n).text(), partial, labels);
            }
        } catch (LiteralConverter.ConversionException e) {
            throw fail(n, e.getMessage());
        }
        List<Object> values = List.of(v);
        return new Typed(type, frame -> values, n.display() + " <" + type.name() + ">");
    }

    // ---- entities ----

    private Typed field(FilterNode.Field f) {
        FieldDef def = f.def();
        String abbrev = def.abbrev();
        FieldType type = def.type();
        List<RangeNode> layers = f.layers();
        fieldsUsed.add(abbrev);
        Operand op = frame -> {
            List<FrameFields.Occurrence> occ = frame.get(abbrev);
            if (occ.isEmpty()) {
                return null;
            }
            int count = 0;
            for (FrameFields.Occurrence o : occ) {
                count = Math.max(count, o.layer());
            }
            List<Object> out = new ArrayList<>(occ.size());
            for (FrameFields.Occurrence o : occ) {
                if (layers == null || RangeNode.containsLayer(layers, o.layer(), count)) {
                    out.add(FValues.of(o.item(), type));
                }
            }
            return out.isEmpty() ? null : out;
        };
        String text = layers == null ? abbrev : abbrev + "#" + layers;
        return new Typed(type, op, text + " <" + type.name() + ">");
    }

    /** check_slice_sanity and the slice itself (FT_BYTES). */
    private Typed slice(FilterNode.Slice s, FieldType lhsType) throws FilterException {
        FilterNode e = s.entity();
        Typed source;
        if (e instanceof FilterNode.Field f) {
            if (!canSlice(f.def().type())) {
                throw fail(e, "\"" + f.def().abbrev() + "\" is a " + f.def().type().description()
                        + " and cannot be sliced into a sequence of bytes.");
            }
            source = field(f);
        } else if (e instanceof FilterNode.Function fn) {
            source = function(fn, lhsType);
            if (!canSlice(source.type)) {
                throw fail(e, "Return value of function \"" + fn.function().filterName() + "\" is a "
                        + source.type.description() + " and cannot be converted into a sequence of bytes.");
            }
        } else if (e instanceof FilterNode.Slice inner) {
            source = slice(inner, lhsType);
        } else {
            throw fail(e, "Range is not supported for entity " + e.display());
        }
        Operand src = source.operand;
        List<RangeNode> ranges = s.ranges();
        Operand op = frame -> {
            List<Object> v = src.values(frame);
            if (v == null) {
                return null;
            }
            List<Object> out = new ArrayList<>(v.size());
            for (Object x : v) {
                out.add(RangeNode.slice(FValues.toBytes(x), ranges));
            }
            return out;
        };
        return new Typed(FieldType.FT_BYTES, op, source.text + ranges);
    }

    private static Typed asBytes(Typed t) {
        Operand src = t.operand;
        Operand op = frame -> {
            List<Object> v = src.values(frame);
            return v == null ? null : v.stream().map(x -> (Object) FValues.toBytes(x)).toList();
        };
        return new Typed(FieldType.FT_BYTES, op, t.text + "[0:]");
    }

    // ---- arithmetic ----

    private Typed arithmetic(FilterNode n, FieldType lhsType) throws FilterException {
        if (!(n instanceof FilterNode.Arithmetic ar)) {
            return arithmeticEntity(n, lhsType);
        }
        if (lhsType == FieldType.FT_NONE && isConstant(ar.left())) {
            throw fail(ar.left(), "Constant arithmetic expression on the LHS is invalid.");
        }
        if (ar.op() == ArithmeticOp.UNARY_MINUS) {
            Typed a = arithmeticEntity(ar.left(), lhsType);
            if (!canUnaryMinus(a.type)) {
                throw fail(ar.left(), a.type.name() + " cannot " + ar.display() + ".");
            }
            return unary(a);
        }
        Typed a = arithmetic(ar.left(), lhsType);
        if (!canArithmetic(ar.op(), a.type)) {
            throw fail(ar.left(), a.type.name() + " cannot " + ar.display() + ".");
        }
        Typed b = arithmetic(ar.right(), a.type);
        if (!canArithmetic(ar.op(), b.type)) {
            throw fail(ar.right(), b.type.name() + " cannot " + ar.display() + ".");
        }
        if (!compatible(a.type, b.type)) {
            throw fail(ar.right(), ar.left().display() + " and " + ar.right().display() + " are not type compatible.");
        }
        Operand x = a.operand;
        Operand y = b.operand;
        ArithmeticOp op = ar.op();
        Operand result = frame -> {
            List<Object> l = x.values(frame);
            if (l == null) {
                return null;
            }
            List<Object> r = y.values(frame);
            if (r == null) {
                return null;
            }
            List<Object> out = new ArrayList<>(l.size() * r.size());
            for (Object u : l) {
                for (Object v : r) {
                    Object w = FValues.arithmetic(op, u, v);
                    if (w != null) {
                        out.add(w);
                    }
                }
            }
            return out;
        };
        return new Typed(a.type, result, "(" + a.text + " " + ar.token() + " " + b.text + ")");
    }

    private static Typed unary(Typed a) {
        Operand x = a.operand;
        Operand result = frame -> {
            List<Object> l = x.values(frame);
            if (l == null) {
                return null;
            }
            List<Object> out = new ArrayList<>(l.size());
            for (Object u : l) {
                Object w = FValues.arithmetic(ArithmeticOp.UNARY_MINUS, u, null);
                if (w != null) {
                    out.add(w);
                }
            }
            return out;
        };
        return new Typed(a.type, result, "-" + a.text);
    }

    private Typed arithmeticEntity(FilterNode n, FieldType lhsType) throws FilterException {
        if (n instanceof FilterNode.Literal) {
            return constant(lhsType, n, false, null);
        }
        if (n instanceof FilterNode.Field || n instanceof FilterNode.Reference) {
            return fieldLike(n);
        }
        if (n instanceof FilterNode.Function fn) {
            return function(fn, lhsType);
        }
        if (n instanceof FilterNode.Slice s) {
            return slice(s, lhsType);
        }
        if (n instanceof FilterNode.Arithmetic) {
            return arithmetic(n, lhsType);
        }
        throw fail(n, n.display() + " is not a valid arithmetic operand.");
    }

    private static boolean isConstant(FilterNode n) {
        return n instanceof FilterNode.Literal || n instanceof FilterNode.Str || n instanceof FilterNode.CharConst;
    }

    // ---- functions ----

    private Typed function(FilterNode.Function fn, FieldType lhsType) throws FilterException {
        FilterFunction f = fn.function();
        List<FilterNode> args = fn.args();
        if (args.size() < f.minArgs) {
            throw fail(fn, "Function " + f.filterName() + " needs at least " + f.minArgs + " arguments.");
        }
        if (f.maxArgs > 0 && args.size() > f.maxArgs) {
            throw fail(fn, "Function " + f.filterName() + " can only accept " + f.maxArgs + " arguments.");
        }
        return FunctionCompiler.compile(this, fn, lhsType);
    }

    /** The operand of a plain field argument (used by functions). */
    Typed fieldArgument(FilterNode.Field f) {
        return field(f);
    }

    /** The operand of an arithmetic/literal/function argument of max/min/abs. */
    Typed argument(FilterNode n, FieldType lhsType) throws FilterException {
        if (n instanceof FilterNode.Arithmetic) {
            return arithmetic(n, lhsType);
        }
        if (n instanceof FilterNode.Literal) {
            return constant(lhsType, n, false, null);
        }
        if (n instanceof FilterNode.Function fn) {
            return function(fn, lhsType);
        }
        return fieldLike(n);
    }

    static FilterException failAt(FilterNode node, String message) {
        return fail(node, message);
    }

    // ---- what each type supports (ftypes' function tables) ----

    static boolean canEqual(FieldType t) {
        return t != FieldType.FT_NONE;
    }

    static boolean canCompare(FieldType t) {
        return t != FieldType.FT_NONE;
    }

    static boolean canContains(FieldType t) {
        return t.isString() || t == FieldType.FT_BYTES || t == FieldType.FT_ETHER || t == FieldType.FT_PROTOCOL
                || t == FieldType.FT_IPv6;
    }

    static boolean canMatch(FieldType t) {
        return t.isString() || t == FieldType.FT_BYTES || t == FieldType.FT_ETHER || t == FieldType.FT_PROTOCOL;
    }

    static boolean canSlice(FieldType t) {
        return t.isString() || t == FieldType.FT_BYTES || t == FieldType.FT_ETHER || t == FieldType.FT_PROTOCOL
                || t == FieldType.FT_IPv4 || t == FieldType.FT_IPv6;
    }

    static boolean isBytesType(FieldType t) {
        return t == FieldType.FT_BYTES || t == FieldType.FT_ETHER || t == FieldType.FT_IPv6;
    }

    private static boolean isArithmeticInteger(FieldType t) {
        return t.isInteger() && t != FieldType.FT_BOOLEAN;
    }

    static boolean canUnaryMinus(FieldType t) {
        return isArithmeticInteger(t) || t == FieldType.FT_FLOAT || t == FieldType.FT_DOUBLE
                || t == FieldType.FT_RELATIVE_TIME;
    }

    static boolean canArithmetic(ArithmeticOp op, FieldType t) {
        switch (op) {
            case BITWISE_AND:
                return isArithmeticInteger(t) || isBytesType(t) || t == FieldType.FT_IPv4;
            case ADD:
            case SUBTRACT:
                return isArithmeticInteger(t) || t == FieldType.FT_FLOAT || t == FieldType.FT_DOUBLE
                        || t == FieldType.FT_RELATIVE_TIME;
            case MULTIPLY:
            case DIVIDE:
                return isArithmeticInteger(t) || t == FieldType.FT_FLOAT || t == FieldType.FT_DOUBLE;
            default:
                return isArithmeticInteger(t);
        }
    }

    /** compatible_ftypes of semcheck.c. */
    static boolean compatible(FieldType a, FieldType b) {
        switch (a) {
            case FT_FLOAT, FT_DOUBLE:
                return b == FieldType.FT_FLOAT || b == FieldType.FT_DOUBLE;
            case FT_ETHER, FT_BYTES:
                return b == FieldType.FT_ETHER || b == FieldType.FT_BYTES;
            case FT_STRING, FT_STRINGZ:
                return b.isString();
            default:
                if (a.isInteger() && a != FieldType.FT_BOOLEAN) {
                    return b.isInteger() && b != FieldType.FT_BOOLEAN || b == FieldType.FT_BOOLEAN && a.isUnsigned();
                }
                return a == b;
        }
    }
}
