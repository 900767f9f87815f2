package io.jdissect.protocols.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * One SMTP reply parsed by the grammar: {@code SmtpReply.parse("250-mail.example\r\n250 2.0.0 OK")}
 * gives code 250, the text of each line and the RFC 3463 enhanced status code of the first line
 * ("2.0.0"), or null. A reply is complete when its last line has a space after the code.
 */
public final class SmtpReply {
    private final int code;
    private final List<String> lines;
    private final String enhancedStatus;
    private final boolean complete;
    private final List<String> errors;

    private SmtpReply(int code, List<String> lines, String enhancedStatus, boolean complete, List<String> errors) {
        this.code = code;
        this.lines = lines;
        this.enhancedStatus = enhancedStatus;
        this.complete = complete;
        this.errors = errors;
    }

    /** One reply line, as the grammar sees it. */
    record Line(int code, boolean continued, String text, String status, List<String> errors) {
        private static final ThreadLocal<ParseMemo<Line>> MEMO =
                ThreadLocal.withInitial(() -> new ParseMemo<>(Line::parseByGrammar));

        static Line parse(String line) {
            return MEMO.get().parse(line);
        }

        private static Line parseByGrammar(String line) {
            SmtpGrammar.Result<SmtpParser.ReplyLineContext> r = SmtpGrammar.reply(line);
            SmtpParser.ReplyLineContext c = r.tree();
            if (c == null) {
                return lenient(line, r.errors());
            }
            int code = -1;
            if (c.CODE() != null) {
                code = Integer.parseInt(c.CODE().getText());
            }
            boolean cont = c.separator() != null && c.separator().HYPHEN() != null;
            String text = "";
            String status = null;
            if (c.replyText() != null) {
                text = c.replyText().getText();
                status = c.replyText().status == null ? null : c.replyText().status.getText();
            }
            return new Line(code, cont, text, status, r.errors());
        }

        /** A line off the grammar: keep what the code and separator positions still say. */
        private static Line lenient(String line, List<String> errors) {
            boolean digits = line.length() >= 3 && Character.isDigit(line.charAt(0)) && Character.isDigit(line.charAt(1))
                    && Character.isDigit(line.charAt(2));
            int code = digits ? Integer.parseInt(line.substring(0, 3)) : -1;
            boolean cont = digits && line.length() > 3 && line.charAt(3) == '-';
            String text = !digits ? line : line.length() > 4 ? line.substring(4) : "";
            return new Line(code, cont, text, null, errors);
        }
    }

    /** Parses one or more reply lines (separated by CRLF or LF). Never throws. */
    public static SmtpReply parse(String text) {
        return of(lines(text));
    }

    /** Each line of {@code text} parsed, as {@link #parse} sees them. */
    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        for (int start = 0, end; start < text.length(); start = end + 1) {
            // Lines end at CR, LF or CRLF; the empty strings between a CR and its LF (and blank lines) are skipped.
            end = start;
            while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            if (end > start) {
                lines.add(Line.parse(text.substring(start, end)));
            }
        }
        return lines;
    }

    /** The reply made of these lines, parsed already (a session parses each line as it comes). */
    static SmtpReply of(List<Line> lines) {
        List<String> texts = new ArrayList<>(lines.size());
        List<String> errors = new ArrayList<>();
        int code = -1;
        String status = null;
        boolean complete = false;
        for (Line line : lines) {
            if (code < 0) {
                code = line.code();
                status = line.status();
            } else if (line.code() != code) {
                errors.add("line " + (texts.size() + 1) + ": code " + line.code() + " differs from " + code);
            }
            errors.addAll(line.errors());
            texts.add(line.text());
            complete = !line.continued();
        }
        return new SmtpReply(code, List.copyOf(texts), status, complete, List.copyOf(errors));
    }

    /** The three-digit code, or -1 when the first line has none. */
    public int code() {
        return code;
    }

    /** Text after the code and separator, one entry per line. */
    public List<String> lines() {
        return lines;
    }

    /** RFC 3463 class.subject.detail at the start of the first line's text, or null. */
    public String enhancedStatus() {
        return enhancedStatus;
    }

    /** True when the last line ends the reply ("250 " rather than "250-"). */
    public boolean complete() {
        return complete;
    }

    public boolean valid() {
        return errors.isEmpty() && code >= 0;
    }

    public List<String> errors() {
        return errors;
    }

    @Override
    public String toString() {
        return code + (enhancedStatus == null ? "" : " " + enhancedStatus) + " " + lines + (complete ? "" : " (continued)")
                + (valid() ? "" : " invalid");
    }
}
