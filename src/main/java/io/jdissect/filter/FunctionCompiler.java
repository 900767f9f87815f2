package io.jdissect.filter;

import io.jdissect.api.FieldType;
import io.jdissect.filter.FilterCompiler.Operand;
import io.jdissect.filter.FilterCompiler.Typed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Type checks and compiles calls of the eight functions (dfunctions.c): len, count, lower, upper,
 * string, max, min, abs. A function whose field argument is absent has no value, which makes the
 * relation false, as in tshark.
 */
final class FunctionCompiler {
    private FunctionCompiler() {
    }

    static Typed compile(FilterCompiler c, FilterNode.Function fn, FieldType lhsType) throws FilterException {
        FilterFunction f = fn.function();
        String name = f.filterName();
        List<FilterNode> args = fn.args();
        FilterNode arg = args.get(0);
        switch (f) {
            case LEN, COUNT: {
                if (!(arg instanceof FilterNode.Field field)) {
                    throw FilterCompiler.failAt(arg, "Only fields can be used as parameter for " + name + "()");
                }
                Typed t = c.fieldArgument(field);
                Operand src = t.operand();
                FieldType type = t.type();
                Operand op = f == FilterFunction.COUNT
                        ? frame -> {
                            List<Object> v = src.values(frame);
                            return v == null ? null : List.of((Object) (long) v.size());
                        }
                        : frame -> {
                            List<Object> v = src.values(frame);
                            return v == null ? null : v.stream().map(x -> (Object) FValues.length(x, type)).toList();
                        };
                return new Typed(FieldType.FT_UINT32, op, name + "(" + t.text() + ")");
            }
            case LOWER, UPPER: {
                if (!(arg instanceof FilterNode.Field field) || !field.def().type().isString()) {
                    throw FilterCompiler.failAt(arg, "Only string type fields can be used as parameter for " + name + "()");
                }
                Typed t = c.fieldArgument(field);
                Operand src = t.operand();
                boolean upper = f == FilterFunction.UPPER;
                Operand op = frame -> {
                    List<Object> v = src.values(frame);
                    return v == null ? null : v.stream()
                            .map(x -> (Object) (upper ? ((String) x).toUpperCase(Locale.ROOT)
                                    : ((String) x).toLowerCase(Locale.ROOT))).toList();
                };
                return new Typed(FieldType.FT_STRING, op, name + "(" + t.text() + ")");
            }
            case STRING: {
                if (!(arg instanceof FilterNode.Field field)) {
                    throw FilterCompiler.failAt(arg, "Only fields can be used as parameter for " + name + "()");
                }
                FieldType ft = field.def().type();
                boolean convertible = (ft.isInteger() && ft != FieldType.FT_BOOLEAN && ft != FieldType.FT_CHAR
                        && ft != FieldType.FT_INT24) || ft == FieldType.FT_IPv4 || ft == FieldType.FT_IPv6
                        || ft == FieldType.FT_FLOAT || ft == FieldType.FT_DOUBLE || ft == FieldType.FT_ETHER;
                if (!convertible) {
                    throw FilterCompiler.failAt(arg, "String conversion for field \"" + field.def().abbrev()
                            + "\" is not supported");
                }
                Typed t = c.fieldArgument(field);
                Operand src = t.operand();
                Operand op = frame -> {
                    List<Object> v = src.values(frame);
                    return v == null ? null : v.stream().map(x -> (Object) FValues.toFilterString(x)).toList();
                };
                return new Typed(FieldType.FT_STRING, op, name + "(" + t.text() + ")");
            }
            case MAX, MIN:
                return extreme(c, fn, lhsType);
            default:
                return abs(c, fn, lhsType);
        }
    }

    private static Typed extreme(FilterCompiler c, FilterNode.Function fn, FieldType lhsType) throws FilterException {
        String name = fn.function().filterName();
        FieldType type = FieldType.FT_NONE;
        List<Operand> operands = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        boolean first = true;
        for (FilterNode arg : fn.args()) {
            FieldType want = first ? lhsType : type;
            if (!(arg instanceof FilterNode.Arithmetic || arg instanceof FilterNode.Function
                    || arg instanceof FilterNode.Field || arg instanceof FilterNode.Reference
                    || (arg instanceof FilterNode.Literal && want != FieldType.FT_NONE))) {
                throw FilterCompiler.failAt(arg, "Argument '" + arg.display() + "' is not valid for " + name + "()");
            }
            Typed t = c.argument(arg, want);
            if (!first) {
                if (type == FieldType.FT_NONE) {
                    type = t.type();
                }
                if (t.type() != type) {
                    throw FilterCompiler.failAt(arg, "Arguments to '" + name + "' must have the same type (expected "
                            + type.name() + ", got " + t.type().name() + ")");
                }
                if (!FilterCompiler.canCompare(t.type())) {
                    throw FilterCompiler.failAt(arg, "Argument '" + arg.display() + "' to '" + name
                            + "' cannot be ordered");
                }
            } else {
                type = t.type();
            }
            first = false;
            operands.add(t.operand());
            texts.add(t.text());
        }
        boolean max = fn.function() == FilterFunction.MAX;
        Operand op = frame -> {
            Object best = null;
            for (Operand o : operands) {
                List<Object> v = o.values(frame);
                if (v == null) {
                    continue;
                }
                for (Object x : v) {
                    if (best == null || (max ? FValues.compare(x, best) > 0 : FValues.compare(x, best) < 0)) {
                        best = x;
                    }
                }
            }
            return best == null ? null : List.of(best);
        };
        return new Typed(type, op, name + "(" + String.join(", ", texts) + ")");
    }

    private static Typed abs(FilterCompiler c, FilterNode.Function fn, FieldType lhsType) throws FilterException {
        FilterNode arg = fn.args().get(0);
        String name = fn.function().filterName();
        if (arg instanceof FilterNode.Literal && lhsType == FieldType.FT_NONE) {
            throw FilterCompiler.failAt(arg, "Need a field or field-like value on the LHS.");
        }
        if (!(arg instanceof FilterNode.Arithmetic || arg instanceof FilterNode.Literal
                || arg instanceof FilterNode.Function || arg instanceof FilterNode.Field)) {
            throw FilterCompiler.failAt(arg, "Type " + arg.getClass().getSimpleName().toUpperCase(Locale.ROOT)
                    + " is not valid for " + name);
        }
        Typed t = c.argument(arg, lhsType);
        if (!FilterCompiler.canUnaryMinus(t.type())) {
            throw FilterCompiler.failAt(arg, "'" + arg.display() + "' is not a valid argument to '" + name + "'()");
        }
        Operand src = t.operand();
        Operand op = frame -> {
            List<Object> v = src.values(frame);
            if (v == null) {
                return null;
            }
            List<Object> out = new ArrayList<>(v.size());
            for (Object x : v) {
                boolean negative = x instanceof Long l ? l < 0 : x instanceof Double d ? d < 0
                        : x instanceof io.jdissect.api.Timestamp ts && ts.toNanos() < 0;
                out.add(negative ? FValues.arithmetic(FilterNode.ArithmeticOp.UNARY_MINUS, x, null) : x);
            }
            return out;
        };
        return new Typed(t.type(), op, name + "(" + t.text() + ")");
    }
}
