package io.jdissect.filter;

import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.filter.FilterNode.ArithmeticOp;
import io.jdissect.filter.FilterNode.Loc;
import io.jdissect.filter.FilterNode.Quantifier;
import io.jdissect.filter.FilterNode.TestOp;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns filter text into a {@link FilterNode} tree: the dfilter-macro pass (which only lets
 * {@code ${field}} references through), the ANTLR lexer and parser, the scanner's checks of each
 * token (string escapes, character constants, {@code .field} names) and the checks Wireshark's
 * grammar actions make (functions, ranges, layers). The first error in the text wins, as in tshark.
 */
final class FilterParser {
    private final FieldNames registry;
    private final String text;

    private FilterParser(FieldRegistry registry, String text) {
        this.registry = new FieldNames(registry);
        this.text = text;
    }

    /** The syntax tree of {@code text}, or null for an empty filter. */
    static FilterNode parse(String text, FieldRegistry registry) throws FilterException {
        return new FilterParser(registry, text).parse();
    }

    private FilterNode parse() throws FilterException {
        checkMacros();
        DisplayFilterLexer lexer = new DisplayFilterLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        boolean inSlice = lexer._mode == DisplayFilterLexer.RANGE;
        FilterException lexical = null;
        int lexicalIndex = Integer.MAX_VALUE;
        for (Token t : tokens.getTokens()) {
            if (t.getType() == Token.EOF) {
                if (inSlice) {
                    lexical = new FilterException("The right bracket was missing from a slice.", text.length(), 1);
                    lexicalIndex = t.getTokenIndex();
                }
                break;
            }
            FilterException e = checkToken(t);
            if (e != null) {
                lexical = e;
                lexicalIndex = t.getTokenIndex();
                break;
            }
        }
        DisplayFilterParser parser = new DisplayFilterParser(tokens);
        parser.removeErrorListeners();
        FirstSyntaxError syntax = new FirstSyntaxError();
        parser.addErrorListener(syntax);
        DisplayFilterParser.SentenceContext sentence = parser.sentence();
        if (lexical != null || syntax.token != null) {
            int syntaxIndex = syntax.token == null ? Integer.MAX_VALUE : syntax.token.getTokenIndex();
            FilterException reduced = grammarActionError(tokens.getTokens(), lexicalIndex, syntaxIndex);
            if (reduced != null) {
                throw reduced;
            }
        }
        if (lexical != null && (syntax.token == null || lexicalIndex <= syntax.token.getTokenIndex())) {
            throw lexical;
        }
        if (syntax.token != null) {
            if (syntax.token.getType() == Token.EOF) {
                throw new FilterException("Unexpected end of filter expression.", -1, 0);
            }
            throw new FilterException("\"" + syntax.token.getText() + "\" was unexpected in this context.",
                    syntax.token.getStartIndex(), tokenLength(syntax.token));
        }
        return sentence.expr() == null ? null : expr(sentence.expr());
    }

    /** Records the first token the parser could not accept. */
    private static final class FirstSyntaxError extends BaseErrorListener {
        Token token;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int pos, String msg,
                                RecognitionException e) {
            if (token == null) {
                token = (Token) offendingSymbol;
            }
        }
    }

    /**
     * tshark's parser runs its grammar actions (which check function names, ranges and layer
     * fields) as soon as a rule is reduced, that is when the token after it arrives; so such an
     * error wins over a syntax or scanner error further on. Finds the first of those errors among
     * the tokens the parser had received: those before the scanner error and up to the syntax error.
     */
    private FilterException grammarActionError(List<Token> tokens, int lexicalIndex, int syntaxIndex) {
        java.util.function.IntPredicate delivered = k -> k < lexicalIndex && k <= syntaxIndex && k < tokens.size();
        for (int i = 0; i < tokens.size() && delivered.test(i); i++) {
            Token t = tokens.get(i);
            int type = t.getType();
            if (type == DisplayFilterLexer.RANGE_NODE && delivered.test(i + 1)) {
                try {
                    range(t);
                } catch (FilterException e) {
                    return e;
                }
            } else if (type == DisplayFilterLexer.INTEGER && delivered.test(i + 1)) {
                try {
                    range(t);
                } catch (FilterException e) {
                    return e;
                }
            } else if (type == DisplayFilterLexer.UNPARSED && i + 1 < tokens.size()) {
                int next = tokens.get(i + 1).getType();
                if (next == DisplayFilterLexer.LPAREN) {
                    int close = matching(tokens, i + 1);
                    if (close >= 0 && delivered.test(close + 1) && FilterFunction.lookup(t.getText()) == null) {
                        return new FilterException("Function '" + t.getText() + "' does not exist", t.getStartIndex(),
                                tokenLength(t));
                    }
                } else if (next == DisplayFilterLexer.HASH) {
                    int end = layerEnd(tokens, i + 1);
                    if (end >= 0 && delivered.test(end + 1) && registry.lookup(t.getText()) == null) {
                        return new FilterException(t.getText() + " is not a valid field", t.getStartIndex(),
                                tokenLength(t));
                    }
                } else if (next == DisplayFilterLexer.RBRACE && i > 1
                        && tokens.get(i - 1).getType() == DisplayFilterLexer.LBRACE
                        && tokens.get(i - 2).getType() == DisplayFilterLexer.DOLLAR
                        && delivered.test(i + 2) && registry.lookup(t.getText()) == null) {
                    return new FilterException(t.getText() + " is not a valid field", t.getStartIndex(), tokenLength(t));
                }
            }
        }
        return null;
    }

    /** The index of the ')' matching the '(' at {@code open}, or -1. */
    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            int type = tokens.get(k).getType();
            if (type == DisplayFilterLexer.LPAREN) {
                depth++;
            } else if (type == DisplayFilterLexer.RPAREN && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** The last token of the layer ("#2" or "#[…]") starting at the '#' at {@code hash}, or -1. */
    private static int layerEnd(List<Token> tokens, int hash) {
        if (hash + 1 >= tokens.size()) {
            return -1;
        }
        if (tokens.get(hash + 1).getType() == DisplayFilterLexer.INTEGER) {
            return hash + 1;
        }
        for (int k = hash + 1; k < tokens.size(); k++) {
            if (tokens.get(k).getType() == DisplayFilterLexer.RBRACKET) {
                return k;
            }
        }
        return -1;
    }

    // ---- the dfilter-macro pass ----

    /**
     * tshark expands {@code ${name}} and {@code ${name:args}} macros before scanning; no macros are
     * defined here, so anything that is not a field reference is an error without a caret.
     */
    private void checkMacros() throws FilterException {
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            int start = i + 2;
            int hash = text.indexOf('#', start);
            int close = text.indexOf('}', start);
            int end = hash >= 0 ? hash : close;
            if (end >= 0) {
                FieldDef def = registry.lookup(text.substring(start, end));
                if (def != null && def.type() != FieldType.FT_PROTOCOL && def.type() != FieldType.FT_NONE) {
                    i = start;
                    continue;
                }
            }
            int j = start;
            while (j < text.length() && isMacroNameChar(text.charAt(j))) {
                j++;
            }
            if (j >= text.length()) {
                throw new FilterException("end of filter in the middle of a macro expression", -1, 0);
            }
            char c = text.charAt(j);
            if (c == '}') {
                throw new FilterException("macro '" + text.substring(start, j) + "' does not exist", -1, 0);
            }
            if (c != ':') {
                throw new FilterException("invalid character in macro name", -1, 0);
            }
            int k = j + 1;
            while (k < text.length() && text.charAt(k) != '}') {
                k += text.charAt(k) == '\\' ? 2 : 1;
            }
            if (k >= text.length()) {
                throw new FilterException("end of filter in the middle of a macro expression", -1, 0);
            }
            throw new FilterException("macro '" + text.substring(start, j) + "' does not exist", -1, 0);
        }
    }

    private static boolean isMacroNameChar(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.';
    }

    // ---- scanner checks ----

    private FilterException checkToken(Token t) {
        String s = t.getText();
        int start = t.getStartIndex();
        int len = tokenLength(t);
        switch (t.getType()) {
            case DisplayFilterLexer.ERRCHAR:
                char c = s.charAt(0);
                if (c >= 0x20 && c < 0x7f) {
                    return new FilterException("\"" + s + "\" was unexpected in this context.", start, len);
                }
                return new FilterException("Non-printable ASCII characters may only appear inside double-quotes.",
                        start, len);
            // tshark reports a missing final quote at the end of the filter.
            case DisplayFilterLexer.UNTERMINATED_STRING:
                return new FilterException("The final quote was missing from a quoted string.", text.length(), 1);
            case DisplayFilterLexer.UNTERMINATED_CHAR:
                return new FilterException("The final quote was missing from a character constant.", text.length(), 1);
            case DisplayFilterLexer.STRING:
                try {
                    Escapes.decodeString(s);
                } catch (Escapes.EscapeException e) {
                    return new FilterException(e.getMessage(), start + e.offset, e.length);
                }
                return null;
            case DisplayFilterLexer.CHARCONST:
                try {
                    Escapes.decodeCharConst(s);
                } catch (Escapes.EscapeException e) {
                    return new FilterException(e.getMessage(), start, len);
                }
                return null;
            case DisplayFilterLexer.FIELD:
                if (registry.lookup(s.substring(1)) == null) {
                    return new FilterException("\"" + s.substring(1) + "\" is not a valid protocol or protocol field.",
                            start, len);
                }
                return null;
            case DisplayFilterLexer.LAYER_ERROR:
                return new FilterException("Expected digit or \"[\", not \"" + s + "\"", start, len);
            default:
                return null;
        }
    }

    private static int tokenLength(Token t) {
        return t.getStopIndex() - t.getStartIndex() + 1;
    }

    private static Loc loc(Token t) {
        return new Loc(t.getStartIndex(), tokenLength(t));
    }

    private static Loc loc(TerminalNode n) {
        return loc(n.getSymbol());
    }

    // ---- building the syntax tree ----

    private FilterNode expr(DisplayFilterParser.ExprContext ctx) throws FilterException {
        if (ctx instanceof DisplayFilterParser.NotExprContext c) {
            return test(TestOp.NOT, c.NOT().getSymbol(), expr(c.expr()), null);
        }
        if (ctx instanceof DisplayFilterParser.AndExprContext c) {
            FilterNode left = expr(c.expr(0));
            return test(TestOp.AND, c.AND().getSymbol(), left, expr(c.expr(1)));
        }
        if (ctx instanceof DisplayFilterParser.OrExprContext c) {
            FilterNode left = expr(c.expr(0));
            return test(TestOp.OR, c.OR().getSymbol(), left, expr(c.expr(1)));
        }
        if (ctx instanceof DisplayFilterParser.ParenExprContext c) {
            return expr(c.expr());
        }
        if (ctx instanceof DisplayFilterParser.RelationExprContext c) {
            return relation(c.relation());
        }
        return arithmetic(((DisplayFilterParser.ArithmeticOnlyContext) ctx).arithmeticExpr());
    }

    private static FilterNode.Test test(TestOp op, Token token, FilterNode left, FilterNode right) {
        return new FilterNode.Test(op, Quantifier.DEFAULT, token.getText(), left, right, loc(token));
    }

    private FilterNode relation(DisplayFilterParser.RelationContext ctx) throws FilterException {
        FilterNode.Test t = relationTest(ctx.relationTest());
        if (ctx.quantifier == null) {
            return t;
        }
        return t.withQuantifier(ctx.quantifier.getType() == DisplayFilterLexer.ANY ? Quantifier.ANY : Quantifier.ALL);
    }

    private FilterNode.Test relationTest(DisplayFilterParser.RelationTestContext ctx) throws FilterException {
        if (ctx instanceof DisplayFilterParser.ComparisonContext c) {
            List<FilterNode> operands = new ArrayList<>();
            for (DisplayFilterParser.ArithmeticExprContext a : c.arithmeticExpr()) {
                operands.add(arithmetic(a));
            }
            return chain(operands, c.cmpOp(), 0);
        }
        if (ctx instanceof DisplayFilterParser.ContainsContext c) {
            FilterNode left = entity(c.entity(0));
            return test(TestOp.CONTAINS, c.CONTAINS().getSymbol(), left, entity(c.entity(1)));
        }
        if (ctx instanceof DisplayFilterParser.MatchesContext c) {
            FilterNode left = entity(c.entity(0));
            return test(TestOp.MATCHES, c.MATCHES().getSymbol(), left, entity(c.entity(1)));
        }
        if (ctx instanceof DisplayFilterParser.InContext c) {
            FilterNode left = entity(c.entity());
            return test(TestOp.IN, c.IN().getSymbol(), left, set(c.set()));
        }
        DisplayFilterParser.NotInContext c = (DisplayFilterParser.NotInContext) ctx;
        FilterNode left = entity(c.entity());
        return test(TestOp.NOT, c.NOT().getSymbol(), test(TestOp.IN, c.IN().getSymbol(), left, set(c.set())), null);
    }

    /** {@code a < b <= c} is {@code a < b and b <= c} (grammar.lemon builds it right to left). */
    private static FilterNode.Test chain(List<FilterNode> operands, List<DisplayFilterParser.CmpOpContext> ops, int i) {
        FilterNode.Test first = test(cmpOp(ops.get(i)), ops.get(i).getStart(), operands.get(i), operands.get(i + 1));
        if (i + 1 == ops.size()) {
            return first;
        }
        FilterNode.Test rest = chain(operands, ops, i + 1);
        return new FilterNode.Test(TestOp.AND, Quantifier.DEFAULT, "and", first, rest, Loc.NONE);
    }

    private static TestOp cmpOp(DisplayFilterParser.CmpOpContext op) {
        return switch (op.getStart().getType()) {
            case DisplayFilterLexer.ALL_EQ -> TestOp.ALL_EQ;
            case DisplayFilterLexer.ANY_EQ -> TestOp.ANY_EQ;
            case DisplayFilterLexer.ALL_NE -> TestOp.ALL_NE;
            case DisplayFilterLexer.ANY_NE -> TestOp.ANY_NE;
            case DisplayFilterLexer.GT -> TestOp.GT;
            case DisplayFilterLexer.GE -> TestOp.GE;
            case DisplayFilterLexer.LT -> TestOp.LT;
            default -> TestOp.LE;
        };
    }

    private FilterNode.SetOf set(DisplayFilterParser.SetContext ctx) throws FilterException {
        List<FilterNode[]> elements = new ArrayList<>();
        for (DisplayFilterParser.SetElementContext e : ctx.setElement()) {
            FilterNode low = setEntity(e.setEntity(0));
            FilterNode high = e.setEntity().size() > 1 ? setEntity(e.setEntity(1)) : null;
            elements.add(new FilterNode[] {low, high});
        }
        return new FilterNode.SetOf(elements, loc(ctx.LBRACE()));
    }

    private FilterNode setEntity(DisplayFilterParser.SetEntityContext ctx) throws FilterException {
        FilterNode e = entity(ctx.entity());
        if (ctx.op != null && ctx.op.getType() == DisplayFilterLexer.MINUS) {
            return new FilterNode.Arithmetic(ArithmeticOp.UNARY_MINUS, "-", e, null, loc(ctx.op));
        }
        return e;
    }

    private FilterNode arithmetic(DisplayFilterParser.ArithmeticExprContext ctx) throws FilterException {
        if (ctx instanceof DisplayFilterParser.UnaryContext c) {
            FilterNode e = entity(c.entity());
            if (c.op.getType() == DisplayFilterLexer.PLUS) {
                return e;
            }
            return new FilterNode.Arithmetic(ArithmeticOp.UNARY_MINUS, c.op.getText(), e, null, loc(c.op));
        }
        if (ctx instanceof DisplayFilterParser.BinaryContext c) {
            FilterNode left = arithmetic(c.arithmeticExpr(0));
            FilterNode right = arithmetic(c.arithmeticExpr(1));
            ArithmeticOp op = switch (c.op.getType()) {
                case DisplayFilterLexer.STAR -> ArithmeticOp.MULTIPLY;
                case DisplayFilterLexer.SLASH -> ArithmeticOp.DIVIDE;
                case DisplayFilterLexer.PERCENT -> ArithmeticOp.MODULO;
                case DisplayFilterLexer.PLUS -> ArithmeticOp.ADD;
                case DisplayFilterLexer.MINUS -> ArithmeticOp.SUBTRACT;
                default -> ArithmeticOp.BITWISE_AND;
            };
            return new FilterNode.Arithmetic(op, c.op.getText(), left, right, loc(c.op));
        }
        if (ctx instanceof DisplayFilterParser.GroupContext c) {
            return arithmetic(c.arithmeticExpr());
        }
        return entity(((DisplayFilterParser.OperandContext) ctx).entity());
    }

    private FilterNode entity(DisplayFilterParser.EntityContext ctx) throws FilterException {
        FilterNode node = primary(ctx.primary());
        for (DisplayFilterParser.SliceContext s : ctx.slice()) {
            node = new FilterNode.Slice(node, ranges(s.rangeList()), Loc.NONE);
        }
        return node;
    }

    private FilterNode primary(DisplayFilterParser.PrimaryContext ctx) throws FilterException {
        if (ctx instanceof DisplayFilterParser.StringContext c) {
            byte[] value = decode(c.STRING().getSymbol());
            return new FilterNode.Str(value, Escapes.quote(value), loc(c.STRING()));
        }
        if (ctx instanceof DisplayFilterParser.CharConstContext c) {
            Token t = c.CHARCONST().getSymbol();
            try {
                return new FilterNode.CharConst(Escapes.decodeCharConst(t.getText()), t.getText(), loc(t));
            } catch (Escapes.EscapeException e) {
                throw new FilterException(e.getMessage(), t.getStartIndex(), tokenLength(t));
            }
        }
        if (ctx instanceof DisplayFilterParser.LiteralContext c) {
            return new FilterNode.Literal(c.LITERAL().getText(), loc(c.LITERAL()));
        }
        if (ctx instanceof DisplayFilterParser.FunctionContext c) {
            FilterFunction f = FilterFunction.lookup(c.name.getText());
            if (f == null) {
                throw new FilterException("Function '" + c.name.getText() + "' does not exist", c.name.getStartIndex(),
                        tokenLength(c.name));
            }
            List<FilterNode> args = new ArrayList<>();
            for (DisplayFilterParser.ArithmeticExprContext a : c.arithmeticExpr()) {
                args.add(arithmetic(a));
            }
            return new FilterNode.Function(f, args, loc(c.name));
        }
        if (ctx instanceof DisplayFilterParser.FieldRefContext c) {
            return field(c.field());
        }
        if (ctx instanceof DisplayFilterParser.ReferenceContext c) {
            FilterNode.Field f;
            if (c.field() != null) {
                f = field(c.field());
            } else {
                f = new FilterNode.Field(resolve(c.UNPARSED().getSymbol()), null, loc(c.UNPARSED()));
            }
            return new FilterNode.Reference(f.def(), f.layers(), f.loc());
        }
        Token t = ((DisplayFilterParser.UnparsedContext) ctx).UNPARSED().getSymbol();
        FieldDef def = registry.lookup(t.getText());
        if (def != null) {
            return new FilterNode.Field(def, null, loc(t));
        }
        return new FilterNode.Literal(t.getText(), loc(t));
    }

    private FilterNode.Field field(DisplayFilterParser.FieldContext ctx) throws FilterException {
        FieldDef def;
        if (ctx.name.getType() == DisplayFilterLexer.FIELD) {
            def = registry.lookup(ctx.name.getText().substring(1));
        } else {
            def = resolve(ctx.name);
        }
        List<RangeNode> layers = null;
        if (ctx.layer() != null) {
            DisplayFilterParser.LayerContext l = ctx.layer();
            if (l.INTEGER() != null) {
                layers = List.of(range(l.INTEGER().getSymbol()));
            } else {
                layers = ranges(l.rangeList());
            }
        }
        return new FilterNode.Field(def, layers, loc(ctx.name));
    }

    private FieldDef resolve(Token t) throws FilterException {
        FieldDef def = registry.lookup(t.getText());
        if (def == null) {
            throw new FilterException(t.getText() + " is not a valid field", t.getStartIndex(), tokenLength(t));
        }
        return def;
    }

    private List<RangeNode> ranges(DisplayFilterParser.RangeListContext ctx) throws FilterException {
        List<RangeNode> out = new ArrayList<>();
        for (TerminalNode n : ctx.RANGE_NODE()) {
            out.add(range(n.getSymbol()));
        }
        return out;
    }

    private static RangeNode range(Token t) throws FilterException {
        try {
            return RangeNode.parse(t.getText());
        } catch (RangeNode.RangeException e) {
            throw new FilterException(e.getMessage(), t.getStartIndex(), tokenLength(t));
        }
    }

    private static byte[] decode(Token t) throws FilterException {
        try {
            return Escapes.decodeString(t.getText());
        } catch (Escapes.EscapeException e) {
            throw new FilterException(e.getMessage(), t.getStartIndex() + e.offset, e.length);
        }
    }
}
