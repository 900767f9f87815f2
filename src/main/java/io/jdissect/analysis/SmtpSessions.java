package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.SmtpSessionEvent;
import io.jdissect.api.SmtpTransactionEvent;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -z smtp,sessions} (jdissect's own): one record per SMTP session, in the order the
 * sessions ended, with its mail transactions: envelope with reply codes, message header fields,
 * attachments with size and SHA-256.
 */
public final class SmtpSessions implements Analyzer {
    private final TapFilter tapFilter;

    SmtpSessions(TapFilter tapFilter) {
        this.tapFilter = tapFilter;
    }

    private static final String RULE = "=".repeat(67);

    /** A finished session with its transactions. */
    public record Session(SmtpSessionEvent session, List<SmtpTransactionEvent> transactions) {
    }

    private final Map<Long, List<SmtpTransactionEvent>> open = new HashMap<>();
    private final List<Session> sessions = new ArrayList<>();

    @Override
    public void packet(Packet p) {
        tapFilter.passes(p); // only remembers the streams that passed: the sessions are the events'
    }

    @Override
    public void smtpTransaction(SmtpTransactionEvent t) {
        if (!tapFilter.passesStream(t.stream())) {
            return;
        }
        open.computeIfAbsent(t.stream(), s -> new ArrayList<>()).add(t);
    }

    @Override
    public void smtpSessionEnded(SmtpSessionEvent s) {
        if (!tapFilter.passesStream(s.stream())) {
            return;
        }
        List<SmtpTransactionEvent> ts = open.remove(s.stream());
        sessions.add(new Session(s, ts == null ? List.of() : ts));
    }

    /** The sessions seen, in the order they ended. */
    public List<Session> sessions() {
        return sessions;
    }

    @Override
    public Report report() {
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                out.print(RULE + "\nSMTP Sessions\n" + Layers.filterLine(tapFilter));
                for (Session s : sessions) {
                    SmtpSessions.text(out, s);
                }
                out.print(RULE + "\n");
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartArray();
                for (Session s : sessions) {
                    SmtpSessions.json(g, s);
                }
                g.writeEndArray();
            }
        };
    }

    private static void text(PrintWriter out, Session rec) {
        SmtpSessionEvent s = rec.session();
        out.print("Session " + s.stream() + ": " + s.client() + " -> " + s.server() + ", frames " + s.firstFrame() + "-"
                + s.lastFrame() + ", " + s.end().minus(s.start()).toSecondsString() + " s, closed by " + s.closedBy() + "\n");
        out.print("  Client name: " + (s.clientName() == null ? "-" : s.clientName()) + ", commands: " + s.commands()
                + ", transactions: " + s.transactions() + (s.startTls() ? ", STARTTLS" : "") + "\n");
        for (SmtpTransactionEvent t : rec.transactions()) {
            out.print("  Transaction " + t.index() + ": frames " + t.firstFrame() + "-" + t.endFrame() + "\n");
            out.print("    MAIL FROM:<" + t.mailFrom() + "> " + t.mailReplyCode() + "\n");
            for (SmtpTransactionEvent.Recipient r : t.recipients()) {
                out.print("    RCPT TO:<" + r.address() + "> " + r.replyCode() + "\n");
            }
            out.print("    Message: " + t.messageSize() + " bytes" + (t.chunked() ? " (BDAT)" : "") + ", reply "
                    + t.endReplyCode() + (t.replyFrame() > 0 ? " in frame " + t.replyFrame() : "") + "\n");
            SmtpTransactionEvent.MessageHeaders h = t.headers();
            header(out, "Subject", h.subject());
            header(out, "From", h.from());
            header(out, "To", h.to());
            header(out, "Cc", h.cc());
            header(out, "Message-ID", h.messageId());
            header(out, "Date", h.date());
            for (SmtpTransactionEvent.Attachment a : t.attachments()) {
                out.print("    Attachment: " + a.fileName() + " (" + a.contentType() + ", " + a.size() + " bytes, sha256 "
                        + a.sha256() + ")\n");
            }
        }
    }

    private static void header(PrintWriter out, String name, String value) {
        if (value != null) {
            out.print("    " + name + ": " + value + "\n");
        }
    }

    private static void json(JsonGenerator g, Session rec) throws IOException {
        SmtpSessionEvent s = rec.session();
        g.writeStartObject();
        g.writeNumberField("stream", s.stream());
        g.writeStringField("client", s.client().toString());
        g.writeStringField("server", s.server().toString());
        g.writeNumberField("first_frame", s.firstFrame());
        g.writeNumberField("last_frame", s.lastFrame());
        g.writeStringField("duration", s.end().minus(s.start()).toSecondsString());
        g.writeStringField("client_name", s.clientName());
        g.writeNumberField("commands", s.commands());
        g.writeBooleanField("starttls", s.startTls());
        g.writeStringField("closed_by", s.closedBy().name());
        g.writeArrayFieldStart("transactions");
        for (SmtpTransactionEvent t : rec.transactions()) {
            g.writeStartObject();
            g.writeNumberField("index", t.index());
            g.writeNumberField("first_frame", t.firstFrame());
            g.writeNumberField("end_frame", t.endFrame());
            g.writeStringField("mail_from", t.mailFrom());
            g.writeNumberField("mail_reply", t.mailReplyCode());
            g.writeArrayFieldStart("recipients");
            for (SmtpTransactionEvent.Recipient r : t.recipients()) {
                g.writeStartObject();
                g.writeStringField("address", r.address());
                g.writeNumberField("reply", r.replyCode());
                g.writeNumberField("frame", r.frame());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("message_bytes", t.messageSize());
            g.writeBooleanField("bdat", t.chunked());
            g.writeNumberField("end_reply", t.endReplyCode());
            g.writeNumberField("reply_frame", t.replyFrame());
            SmtpTransactionEvent.MessageHeaders h = t.headers();
            g.writeObjectFieldStart("headers");
            g.writeStringField("subject", h.subject());
            g.writeStringField("from", h.from());
            g.writeStringField("to", h.to());
            g.writeStringField("cc", h.cc());
            g.writeStringField("message_id", h.messageId());
            g.writeStringField("date", h.date());
            g.writeEndObject();
            g.writeArrayFieldStart("attachments");
            for (SmtpTransactionEvent.Attachment a : t.attachments()) {
                g.writeStartObject();
                g.writeStringField("name", a.fileName());
                g.writeStringField("type", a.contentType());
                g.writeNumberField("size", a.size());
                g.writeStringField("sha256", a.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Makes {@code smtp,sessions} analyzers. */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "smtp,sessions";
        }

        @Override
        public String description() {
            return "one record per SMTP session with its transactions (jdissect)";
        }

        @Override
        public Analyzer create(String args) {
            return create(args, null);
        }

        /** {@code smtp,sessions[,FILTER]}: the rest of the argument is the tap's display filter. */
        @Override
        public Analyzer create(String args, FieldRegistry fields) {
            return new SmtpSessions(Layers.tapFilter(name(), "smtp,sessions", args, fields));
        }
    }
}
