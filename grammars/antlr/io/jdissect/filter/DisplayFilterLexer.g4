/*
 * Tokens of Wireshark 4.0 display filters (epan/dfilter/scanner.l, written from its description in
 * ../shared/reference/dfilter.md). Operators come in symbol and word forms; unquoted words are
 * UNPARSED (resolved later against the field registry, or converted to the other side's type);
 * ":xx" forces a literal, ".name" forces a field. As in flex, the longest match wins and among
 * equally long matches the rule listed first, so keywords precede UNPARSED.
 * String and character escapes are decoded (and rejected with tshark's messages) by the compiler.
 */
lexer grammar DisplayFilterLexer;

WS          : [ \t\n]+ -> skip ;

LPAREN      : '(' ;
RPAREN      : ')' ;
COMMA       : ',' ;
LBRACE      : '{' ;
DOTDOT      : '..' ;
RBRACE      : '}' ;
DOLLAR      : '$' ;

ANY         : 'any' ;
ALL         : 'all' ;
ANY_EQ      : '==' | 'eq' | 'any_eq' ;
ALL_NE      : '!=' | 'ne' | 'all_ne' ;
ALL_EQ      : '===' | 'all_eq' ;
ANY_NE      : '!==' | 'any_ne' | '~=' ;
GT          : '>' | 'gt' ;
GE          : '>=' | 'ge' ;
LT          : '<' | 'lt' ;
LE          : '<=' | 'le' ;
CONTAINS    : 'contains' ;
MATCHES     : '~' | 'matches' ;
NOT         : '!' | 'not' ;
AND         : '&&' | 'and' ;
OR          : '||' | 'or' ;
IN          : 'in' ;
PLUS        : '+' ;
MINUS       : '-' ;
STAR        : '*' ;
SLASH       : '/' ;
PERCENT     : '%' ;
BITWISE_AND : '&' | 'bitwise_and' ;

HASH        : '#' -> pushMode(LAYER) ;
LBRACKET    : '[' -> pushMode(RANGE) ;

/* "..." and r"..." (raw); a backslash always takes the next character along. */
STRING               : [rR]? '"' ( ~["\\] | '\\' . )* '"' ;
UNTERMINATED_STRING  : [rR]? '"' ( ~["\\] | '\\' . )* '\\'? ;
CHARCONST            : '\'' ( ~['\\] | '\\' . )* '\'' ;
UNTERMINATED_CHAR    : '\'' ( ~['\\] | '\\' . )* '\\'? ;

/* Byte strings, MAC, IPv4 and IPv6 addresses (with CIDR prefixes) and identifiers: all unparsed words. */
UNPARSED    : MAC_ADDRESS | QUAD_MAC_ADDRESS
            | IPV4_ADDRESS ( '/' DIGIT DIGIT? )?
            | IPV6_ADDRESS ( '/' DIGIT DIGIT? DIGIT? )?
            | COLON_BYTES | DOT_BYTES | HYPHEN_BYTES
            | IDENTIFIER
            ;
/* A leading colon keeps the word a literal even when a protocol has that name (":fc"). */
LITERAL     : ':' ( COLON_BYTES | DOT_BYTES | HYPHEN_BYTES | HEX+ ) ;
/* A leading dot makes the word a field even when it could be a literal (".udp.dstport"). */
FIELD       : '.' IDENTIFIER ;

ERRCHAR     : . ;

fragment DIGIT        : [0-9] ;
fragment HEX          : [0-9a-fA-F] ;
fragment HEX2         : HEX HEX ;
fragment HEX4         : HEX HEX HEX HEX ;
fragment IDENTIFIER   : [a-zA-Z0-9_] [a-zA-Z0-9_-]* ( '.' [a-zA-Z0-9_-]+ )* ;
fragment MAC_ADDRESS  : HEX2 ':' HEX2 ':' HEX2 ':' HEX2 ':' HEX2 ':' HEX2
                      | HEX2 '-' HEX2 '-' HEX2 '-' HEX2 '-' HEX2 '-' HEX2
                      | HEX2 '.' HEX2 '.' HEX2 '.' HEX2 '.' HEX2 '.' HEX2 ;
fragment QUAD_MAC_ADDRESS : HEX4 '.' HEX4 '.' HEX4 ;
fragment DEC_OCTET    : DIGIT | [1-9] DIGIT | '1' DIGIT DIGIT | '2' [0-4] DIGIT | '25' [0-5] ;
fragment IPV4_ADDRESS : DEC_OCTET '.' DEC_OCTET '.' DEC_OCTET '.' DEC_OCTET ;
fragment H16          : HEX | HEX HEX | HEX HEX HEX | HEX HEX HEX HEX ;
fragment H16C         : H16 ':' ;
fragment LS32         : H16 ':' H16 | IPV4_ADDRESS ;
/* RFC 3986 IPv6address, as scanner.l spells it. */
fragment IPV6_ADDRESS : H16C H16C H16C H16C H16C H16C LS32
                      | '::' H16C H16C H16C H16C H16C LS32
                      | H16? '::' H16C H16C H16C H16C LS32
                      | ( H16C? H16 )? '::' H16C H16C H16C LS32
                      | ( H16C? H16C? H16 )? '::' H16C H16C LS32
                      | ( H16C? H16C? H16C? H16 )? '::' H16C LS32
                      | ( H16C? H16C? H16C? H16C? H16 )? '::' LS32
                      | ( H16C? H16C? H16C? H16C? H16C? H16 )? '::' H16
                      | ( H16C? H16C? H16C? H16C? H16C? H16C? H16 )? '::'
                      ;
fragment COLON_BYTES  : HEX2 ( ':' HEX2 )+ ;
fragment DOT_BYTES    : HEX2 ( '.' HEX2 )+ ;
fragment HYPHEN_BYTES : HEX2 ( '-' HEX2 )+ ;

/* After '#': a layer number, or '[' and a list of ranges. */
mode LAYER;
INTEGER       : [0-9]+ -> popMode ;
LAYER_BRACKET : '[' -> type(LBRACKET), mode(RANGE) ;
LAYER_ERROR   : ~[0-9[] -> popMode ;

/* Inside '[ ]' everything up to ']' or ',' is one range ("1:2", "-4:", "3-5"). */
mode RANGE;
RANGE_NODE    : ~[\],]+ ;
RANGE_COMMA   : ',' -> type(COMMA) ;
RBRACKET      : ']' -> popMode ;
