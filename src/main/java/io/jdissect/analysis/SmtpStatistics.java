package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.SmtpSessionEvent;
import io.jdissect.api.SmtpTransactionEvent;
import io.jdissect.protocols.smtp.SmtpEvents;
import io.jdissect.protocols.smtp.SmtpReply;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code -z smtp,stat} (jdissect's own): SMTP commands by verb (lines in command mode; a line
 * whose first word is not letters, digits and '-' counted as "(not a verb)"), replies by code and by RFC 3463
 * enhanced status code, as jdissect's SMTP session tracking saw them (a multi-line reply counts
 * once; the enhanced status is that of its first line), plus sessions and mail transactions.
 */
public final class SmtpStatistics implements Analyzer {
    private final TapFilter tapFilter;

    SmtpStatistics(TapFilter tapFilter) {
        this.tapFilter = tapFilter;
    }

    private static final String RULE = "=".repeat(67);
    /** Where lines that cannot be a verb (binary, punctuation) are counted, so that noise stays one row. */
    static final String NOT_A_VERB = "(not a verb)";
    private final Map<String, Long> commands = new TreeMap<>();
    private final Map<Integer, Long> replyCodes = new TreeMap<>();
    private final Map<String, Long> statusCodes = new TreeMap<>();
    private long sessions;
    private long transactions;
    private long messageBytes;

    @Override
    public void packet(Packet p) {
        SmtpEvents ev = p.info().get(SmtpEvents.class);
        if (!tapFilter.passes(p) || ev == null) {
            return;
        }
        for (SmtpEvents.CommandAt c : ev.commands()) {
            String verb = c.command().verb();
            commands.merge(verb.matches("[A-Z0-9-]{1,20}") ? verb : NOT_A_VERB, 1L, Long::sum);
        }
        for (SmtpReply r : ev.replies()) {
            if (r.code() >= 0) {
                replyCodes.merge(r.code(), 1L, Long::sum);
            }
            if (r.enhancedStatus() != null) {
                statusCodes.merge(r.enhancedStatus(), 1L, Long::sum);
            }
        }
    }

    @Override
    public void smtpTransaction(SmtpTransactionEvent t) {
        if (!tapFilter.passesStream(t.stream())) {
            return;
        }
        transactions++;
        messageBytes += t.messageSize();
    }

    @Override
    public void smtpSessionEnded(SmtpSessionEvent session) {
        if (!tapFilter.passesStream(session.stream())) {
            return;
        }
        sessions++;
    }

    /** Commands counted by verb (upper case). */
    public Map<String, Long> commands() {
        return commands;
    }

    /** Replies counted by code. */
    public Map<Integer, Long> replyCodes() {
        return replyCodes;
    }

    /** Replies counted by enhanced status code. */
    public Map<String, Long> statusCodes() {
        return statusCodes;
    }

    @Override
    public Report report() {
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                out.print(RULE + "\nSMTP Statistics\n" + Layers.filterLine(tapFilter));
                out.print("Sessions: " + sessions + "  Transactions: " + transactions + "  Message bytes: " + messageBytes + "\n");
                section(out, "Commands", commands);
                section(out, "Reply codes", replyCodes);
                section(out, "Enhanced status codes", statusCodes);
                out.print(RULE + "\n");
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartObject();
                g.writeNumberField("sessions", sessions);
                g.writeNumberField("transactions", transactions);
                g.writeNumberField("message_bytes", messageBytes);
                counts(g, "commands", commands);
                counts(g, "reply_codes", replyCodes);
                counts(g, "enhanced_status_codes", statusCodes);
                g.writeEndObject();
            }
        };
    }

    private static void section(PrintWriter out, String title, Map<?, Long> counts) {
        out.print(title + ":\n");
        counts.forEach((k, n) -> out.print(String.format("  %-24s %8d\n", k, n)));
    }

    private static void counts(JsonGenerator g, String name, Map<?, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<?, Long> e : counts.entrySet()) {
            g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
        }
        g.writeEndObject();
    }

    /** Makes {@code smtp,stat} analyzers. */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "smtp,stat";
        }

        @Override
        public String description() {
            return "SMTP commands, reply codes and enhanced status codes counted (jdissect)";
        }

        @Override
        public Analyzer create(String args) {
            return create(args, null);
        }

        /** {@code smtp,stat[,FILTER]}: the rest of the argument is the tap's display filter. */
        @Override
        public Analyzer create(String args, FieldRegistry fields) {
            return new SmtpStatistics(Layers.tapFilter(name(), "smtp,stat", args, fields));
        }
    }
}
