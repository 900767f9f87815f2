/*
 * Grammar of Wireshark 4.0 display filters (epan/dfilter/grammar.lemon, as described in
 * ../shared/reference/dfilter.md). Precedence, lowest first: or, and, not, comparisons (chained:
 * "a < b < c" means "a < b and b < c"), &, + -, * / %, unary + -. Parentheses group logical
 * expressions, braces group arithmetic. No actions: the compiler walks the parse tree.
 */
parser grammar DisplayFilterParser;

options { tokenVocab = DisplayFilterLexer; }

sentence        : expr? EOF ;

expr            : NOT expr                              # notExpr
                | expr AND expr                         # andExpr
                | expr OR expr                          # orExpr
                | LPAREN expr RPAREN                    # parenExpr
                | relation                              # relationExpr
                | arithmeticExpr                        # arithmeticOnly
                ;

relation        : quantifier=(ANY | ALL)? relationTest ;

relationTest    : arithmeticExpr ( cmpOp arithmeticExpr )+   # comparison
                | entity CONTAINS entity                # contains
                | entity MATCHES entity                 # matches
                | entity IN set                         # in
                | entity NOT IN set                     # notIn
                ;

cmpOp           : ALL_EQ | ANY_EQ | ALL_NE | ANY_NE | GT | GE | LT | LE ;

arithmeticExpr  : op=(PLUS | MINUS) entity                                  # unary
                | arithmeticExpr op=(STAR | SLASH | PERCENT) arithmeticExpr # binary
                | arithmeticExpr op=(PLUS | MINUS) arithmeticExpr           # binary
                | arithmeticExpr op=BITWISE_AND arithmeticExpr              # binary
                | LBRACE arithmeticExpr RBRACE                              # group
                | entity                                                    # operand
                ;

entity          : primary slice* ;

slice           : LBRACKET rangeList RBRACKET ;

primary         : STRING                                # string
                | CHARCONST                             # charConst
                | LITERAL                               # literal
                | name=UNPARSED LPAREN ( arithmeticExpr ( COMMA arithmeticExpr )* )? RPAREN  # function
                | field                                 # fieldRef
                | DOLLAR LBRACE ( field | UNPARSED ) RBRACE   # reference
                | UNPARSED                              # unparsed
                ;

field           : name=FIELD layer? | name=UNPARSED layer ;

layer           : HASH ( INTEGER | LBRACKET rangeList RBRACKET ) ;

rangeList       : RANGE_NODE ( COMMA RANGE_NODE )* ;

set             : LBRACE setElement ( COMMA setElement )* RBRACE ;

setElement      : setEntity ( DOTDOT setEntity )? ;

setEntity       : op=(PLUS | MINUS)? entity ;
