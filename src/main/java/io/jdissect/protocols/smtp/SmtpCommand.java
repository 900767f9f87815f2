package io.jdissect.protocols.smtp;

import org.antlr.v4.runtime.ParserRuleContext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One SMTP command line parsed by the grammar, for analyzers:
 * {@code SmtpCommand.parse("MAIL FROM:<a@b> SIZE=10")} gives verb {@code MAIL}, address {@code a@b}
 * and parameter {@code SIZE=10}. The verb is the whole first word in upper case; it is
 * {@link #known()} when it is in the table of SMTP verbs (RFC 5321 and common extensions) — unlike
 * tshark, which takes any four letters for a command.
 */
public final class SmtpCommand {
    /** Verbs of RFC 5321 (4.1.1, 4.5.x), its extensions and the Exchange/Postfix verbs seen on the wire. */
    public static final Set<String> VERBS = Set.of("HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP",
            "QUIT", "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH", "ETRN", "TURN", "ATRN", "SEND", "SOML", "SAML",
            "XCLIENT", "XFORWARD", "XEXCH50", "X-EXPS", "X-LINK2STATE", "BURL");

    /** Verbs that have their own grammar rule; the others parse as "unknown" and are still valid. */
    private static final Set<String> RULE_VERBS = Set.of("HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET",
            "NOOP", "QUIT", "VRFY", "EXPN", "HELP", "STARTTLS", "AUTH");

    private final String line;
    private final String verb;
    private final String argument;
    private final String family;
    private final String address;
    private final Map<String, String> parameters;
    private final long bdatSize;
    private final boolean bdatLast;
    private final String authMechanism;
    private final String authInitialResponse;
    private final List<String> errors;

    private SmtpCommand(String line, String verb, String argument, String family, String address,
                        Map<String, String> parameters, long bdatSize, boolean bdatLast, String authMechanism,
                        String authInitialResponse, List<String> errors) {
        this.line = line;
        this.verb = verb;
        this.argument = argument;
        this.family = family;
        this.address = address;
        this.parameters = parameters;
        this.bdatSize = bdatSize;
        this.bdatLast = bdatLast;
        this.authMechanism = authMechanism;
        this.authInitialResponse = authInitialResponse;
        this.errors = errors;
    }

    private static final ThreadLocal<ParseMemo<SmtpCommand>> MEMO =
            ThreadLocal.withInitial(() -> new ParseMemo<>(SmtpCommand::parseByGrammar));

    /** Parses one command line (a trailing CRLF is allowed). Never throws. */
    public static SmtpCommand parse(String line) {
        return MEMO.get().parse(line);
    }

    private static SmtpCommand parseByGrammar(String line) {
        String text = stripEol(line);
        int sp = firstBlank(text);
        String verb = text.substring(0, sp).toUpperCase(Locale.ROOT);
        String argument = sp < text.length() ? text.substring(sp + 1) : "";
        SmtpGrammar.Result<SmtpParser.CommandLineContext> r = SmtpGrammar.command(text);
        SmtpParser.CommandContext c = r.tree() == null ? null : r.tree().command();
        String family = "unknown";
        String address = null;
        Map<String, String> params = new LinkedHashMap<>();
        long size = -1;
        boolean last = false;
        String mech = null;
        String initial = null;
        if (c != null && r.errors().isEmpty()) {
            ParserRuleContext alt = c.getChild(ParserRuleContext.class, 0);
            if (alt != null) {
                family = SmtpParser.ruleNames[alt.getRuleIndex()];
            }
            if (c.mail() != null) {
                address = path(c.mail().path());
                parameters(c.mail().esmtpParameter(), params);
            } else if (c.rcpt() != null) {
                address = path(c.rcpt().path());
                parameters(c.rcpt().esmtpParameter(), params);
            } else if (c.bdat() != null) {
                size = parseSize(c.bdat().size.getText());
                last = c.bdat().LAST() != null;
            } else if (c.auth() != null) {
                mech = c.auth().mechanism.getText().toUpperCase(Locale.ROOT);
                initial = c.auth().initialResponse() == null ? null : c.auth().initialResponse().getText();
            }
        }
        return new SmtpCommand(text, verb, argument, family, address, Collections.unmodifiableMap(params), size, last,
                mech, initial, List.copyOf(r.errors()));
    }

    private static String stripEol(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return s.length();
    }

    private static String path(SmtpParser.PathContext p) {
        String t = p.getText();
        return t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1) : t;
    }

    private static void parameters(List<SmtpParser.EsmtpParameterContext> list, Map<String, String> out) {
        for (SmtpParser.EsmtpParameterContext p : list) {
            out.put(p.keyword.getText().toUpperCase(Locale.ROOT), p.value() == null ? null : p.value().getText());
        }
    }

    private static long parseSize(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The line as given, without its end-of-line. */
    public String line() {
        return line;
    }

    /** The first word in upper case ("MAIL", "STARTTLS", "XYZZY"). */
    public String verb() {
        return verb;
    }

    /** True when {@link #verb()} is in {@link #VERBS}. */
    public boolean known() {
        return VERBS.contains(verb);
    }

    /** Everything after the verb and one blank. */
    public String argument() {
        return argument;
    }

    /** The grammar rule that matched: "mail", "rcpt", "bdat", …, or "unknown". */
    public String family() {
        return family;
    }

    /** True when the line fits its verb's rule (a verb with a rule that parsed as "unknown" is not valid). */
    public boolean valid() {
        return errors.isEmpty() && !(RULE_VERBS.contains(verb) && family.equals("unknown"));
    }

    /** Syntax errors, empty when valid. */
    public List<String> errors() {
        return errors;
    }

    /** MAIL FROM / RCPT TO address without angle brackets ("" for the null path), else null. */
    public String address() {
        return address;
    }

    /** ESMTP parameters of MAIL/RCPT, keyword in upper case → value (null for a bare keyword). */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** BDAT chunk size in octets, or -1. */
    public long bdatSize() {
        return bdatSize;
    }

    public boolean bdatLast() {
        return bdatLast;
    }

    /** AUTH mechanism in upper case, or null. */
    public String authMechanism() {
        return authMechanism;
    }

    /** AUTH initial response (base64), or null. */
    public String authInitialResponse() {
        return authInitialResponse;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(verb);
        b.append(" [").append(family).append(valid() ? "" : ", invalid").append(']');
        if (address == null && !argument.isEmpty() && authMechanism == null && bdatSize < 0) {
            b.append(" argument=").append(argument);
        }
        if (address != null) {
            b.append(" address=").append(address);
        }
        parameters.forEach((k, v) -> b.append(' ').append(k).append(v == null ? "" : "=" + v));
        if (bdatSize >= 0) {
            b.append(" size=").append(bdatSize).append(bdatLast ? " last" : "");
        }
        if (authMechanism != null) {
            b.append(" mechanism=").append(authMechanism);
            if (authInitialResponse != null) {
                b.append(" initial=").append(authInitialResponse);
            }
        }
        return b.toString();
    }
}
