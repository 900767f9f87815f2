/*
 * Tokens of one SMTP line (RFC 5321 section 4.1, RFC 3030 BDAT, RFC 4954 AUTH, RFC 3207 STARTTLS).
 * A command line is read in the default mode. A reply line is read from mode REPLY (the caller
 * selects it): three digits, the separator ("-" continues a multi-line reply, RFC 5321 4.2.1),
 * then text whose first word may be an RFC 3463 enhanced status code.
 * No actions: only lexer commands switch modes.
 */
lexer grammar SmtpLexer;

options { caseInsensitive = true; }

// ---- command verbs (RFC 5321 4.1.1, extensions) ----
HELO     : 'HELO';
EHLO     : 'EHLO';
MAIL     : 'MAIL';
RCPT     : 'RCPT';
DATA     : 'DATA';
BDAT     : 'BDAT';
RSET     : 'RSET';
NOOP     : 'NOOP';
QUIT     : 'QUIT';
VRFY     : 'VRFY';
EXPN     : 'EXPN';
HELP     : 'HELP';
STARTTLS : 'STARTTLS';
AUTH     : 'AUTH';

// ---- words with a meaning inside commands ----
FROM : 'FROM';
TO   : 'TO';
LAST : 'LAST';

COLON  : ':';
EQUALS : '=';
// A path in angle brackets, "<>" being the null reverse-path (RFC 5321 4.1.2).
PATH   : '<' ~[<>\r\n]* '>';
SP     : [ \t]+;
NUMBER : [0-9]+;
WORD   : ~[ \t\r\n:=<>]+;
ANGLE  : [<>];
NEWLINE : '\r'? '\n' | '\r';

mode REPLY;
CODE       : [0-9] [0-9] [0-9] -> mode(REPLY_SEPARATOR);
REPLY_JUNK : ~[\r\n];

mode REPLY_SEPARATOR;
HYPHEN      : '-' -> mode(REPLY_TEXT);
REPLY_SP    : ' ' -> mode(REPLY_TEXT);
BAD_SEPARATOR : ~[- ] -> mode(REPLY_TEXT);

mode REPLY_TEXT;
// RFC 3463: class "." subject "." detail, class 2, 4 or 5, subject and detail 1 to 3 digits.
STATUS    : [245] '.' [0-9] [0-9]? [0-9]? '.' [0-9] [0-9]? [0-9]?;
TEXT_SP   : [ \t]+;
TEXT_WORD : ~[ \t\r\n]+;
EOL       : '\r'? '\n' | '\r';
