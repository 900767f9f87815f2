/*
 * One SMTP command line or one reply line, one rule per command family (RFC 5321 4.1.1 and the
 * extensions tshark's captures show). Lenient where real clients are: a space after "MAIL FROM:",
 * a bare address without angle brackets. Lines that fit no family parse as `unknown`.
 * No actions; jdissect reads the parse tree (SmtpCommand, SmtpReply).
 */
parser grammar SmtpParser;

options { tokenVocab = SmtpLexer; }

commandLine : command SP? NEWLINE? EOF ;

command
    : helo | ehlo | mail | rcpt | data | bdat | rset | noop | quit
    | vrfy | expn | help | starttls | auth | unknown
    ;

helo     : HELO (SP text)? ;
ehlo     : EHLO (SP text)? ;
mail     : MAIL SP? FROM SP? COLON SP? path (SP esmtpParameter)* ;
rcpt     : RCPT SP? TO SP? COLON SP? path (SP esmtpParameter)* ;
data     : DATA ;
bdat     : BDAT SP size=NUMBER (SP LAST)? ;
rset     : RSET ;
noop     : NOOP (SP text)? ;
quit     : QUIT ;
vrfy     : VRFY SP text ;
expn     : EXPN SP text ;
help     : HELP (SP text)? ;
starttls : STARTTLS ;
auth     : AUTH SP mechanism=word (SP initialResponse)? ;
unknown  : verb=word (SP text)? ;

path           : PATH | word ;
esmtpParameter : keyword=word (EQUALS value)? ;
value          : (word | EQUALS | COLON | PATH)+ ;
initialResponse: (word | EQUALS)+ ;
text           : (word | SP | COLON | EQUALS | PATH | ANGLE)+ ;
word           : WORD | NUMBER | verbKeyword ;
verbKeyword
    : HELO | EHLO | MAIL | RCPT | DATA | BDAT | RSET | NOOP | QUIT | VRFY | EXPN | HELP
    | STARTTLS | AUTH | FROM | TO | LAST
    ;

// ---- replies (lexer mode REPLY) ----
replyLine : CODE (separator replyText?)? EOL? EOF ;
separator : HYPHEN | REPLY_SP | BAD_SEPARATOR ;
replyText : status=STATUS? (TEXT_SP | TEXT_WORD | STATUS)* ;
