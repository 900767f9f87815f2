package io.jdissect.protocols.smtp;

import io.jdissect.api.ByteSearch;
import io.jdissect.api.Timestamp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * jdissect's own, RFC-faithful view of one SMTP connection, beside tshark's ({@link TsharkSession}):
 * lines are reassembled across segments on both sides; a command is a line of the command table;
 * DATA content runs to the "." line (RFC 5321 4.1.1.4) and is dot-unstuffed (4.5.2); a BDAT chunk
 * is exactly its announced octets, after which commands resume inside the same segment (RFC 3030);
 * only a 220 reply to STARTTLS turns the stream into TLS (RFC 3207). Replies answer pending requests
 * in order (RFC 2920), and MAIL … end of message forms a {@link SmtpTransaction}.
 */
public final class SmtpSession {
    private enum Mode { COMMAND, AWAIT_354, DATA, BDAT, TLS }

    private enum Kind { MAIL, RCPT, DATA, END_OF_DATA, BDAT, STARTTLS, AUTH, OTHER }

    private record Pending(String request, Kind kind, long frame, Timestamp time, Object subject) {
    }

    private Mode mode = Mode.COMMAND;
    private final ByteArrayOutputStream clientLine = new ByteArrayOutputStream();
    private final ByteArrayOutputStream serverLine = new ByteArrayOutputStream();
    /** The lines of the reply in progress, and how long their text is (CRLF each), for the cap. */
    private final List<SmtpReply.Line> reply = new ArrayList<>();
    private int replyChars;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean authAnswerExpected;
    private long bdatRemaining;
    private boolean bdatLast;
    private SmtpTransaction transaction;
    private int transactions;
    private final SmtpLimits limits;
    private final MessageChunks chunks;

    SmtpSession(SmtpLimits limits, MessageChunks chunks) {
        this.limits = limits;
        this.chunks = chunks;
    }

    /** The connection's state is dropped: a message in flight no longer counts against the cap over all. */
    void release() {
        dropTransaction();
    }

    /** The session is done with the transaction: its message stays with it, no longer in flight. */
    private void dropTransaction() {
        if (transaction != null) {
            transaction.buffer().keep();
            transaction = null;
        }
    }

    /** Reports why the message's bytes stopped being kept. */
    private void messageCut(SmtpEvents ev) {
        ev.limitReached(MessageBuffer.MAX_TOTAL.equals(transaction.buffer().cutBy())
                ? "messages in flight beyond " + MessageBuffer.MAX_TOTAL + ": the rest of this one is not kept"
                : "message longer than " + MessageBuffer.MAX_MESSAGE + ": the rest is not kept");
    }

    /** Feeds the client's bytes of one frame; findings go to {@code ev}. */
    void client(byte[] a, int off, int len, long frame, Timestamp time, SmtpEvents ev) {
        int i = 0;
        while (i < len && mode != Mode.TLS) {
            if (mode == Mode.BDAT) {
                int n = (int) Math.min(bdatRemaining, len - i);
                if (transaction != null && !transaction.buffer().append(a, off + i, n)) {
                    messageCut(ev);
                }
                ev.bdatOctets = Math.max(0, ev.bdatOctets) + n;
                bdatRemaining -= n;
                i += n;
                if (bdatRemaining == 0) {
                    mode = Mode.COMMAND;
                    if (i < len) {
                        ev.chunkEndOffset = i;
                    }
                    if (bdatLast) {
                        endMessage(frame, time, ev, null);
                    }
                }
                continue;
            }
            int lf = ByteSearch.indexOf(a, off + i, off + len, (byte) '\n');
            int end = lf < 0 ? len : lf - off + 1;
            boolean startsHere = clientLine.size() == 0;
            if (startsHere && lf >= 0 && (mode == Mode.DATA || mode == Mode.AWAIT_354) && end - i <= limits.maxLine()) {
                // A whole message line in this segment goes to the message straight from the segment
                // (most of a mail is such lines): the same as below without copying it twice first.
                mode = Mode.DATA;
                dataLine(a, off + i, end - i, frame, time, ev);
                i = end;
                continue;
            }
            append(clientLine, a, off + i, end - i, ev);
            int start = i;
            i = end;
            if (lf >= 0) {
                byte[] line = clientLine.toByteArray();
                clientLine.reset();
                clientLine(line, startsHere ? start : -1, frame, time, ev, i < len);
            }
        }
        if (transaction != null) {
            transaction.frame(frame);
            ev.transaction = transaction.index();
        }
    }

    private void clientLine(byte[] line, int offset, long frame, Timestamp time, SmtpEvents ev, boolean moreInSegment) {
        if (mode == Mode.AWAIT_354) {
            // The client must wait for 354 (RFC 5321 4.1.1.4); bytes now mean the 354 was not captured.
            mode = Mode.DATA;
        }
        if (mode == Mode.DATA) {
            dataLine(line, 0, line.length, frame, time, ev);
            return;
        }
        String text = new String(line, 0, stripEol(line), StandardCharsets.ISO_8859_1);
        if (authAnswerExpected) {
            authAnswerExpected = false;
            queue(new Pending("AUTH response", Kind.AUTH, frame, time, null), ev);
            return;
        }
        SmtpCommand cmd = SmtpCommand.parse(text);
        ev.commands.add(new SmtpEvents.CommandAt(offset, line.length, cmd));
        Kind kind = Kind.OTHER;
        Object subject = null;
        switch (cmd.verb()) {
            case "MAIL":
                kind = Kind.MAIL;
                if (cmd.address() != null) {
                    dropTransaction();
                    transaction = new SmtpTransaction(++transactions, cmd.address(), cmd.parameters(), frame,
                            limits.maxMessageBytes(), chunks);
                    subject = transaction;
                }
                break;
            case "RCPT":
                kind = Kind.RCPT;
                if (transaction != null && cmd.address() != null) {
                    SmtpTransaction.Recipient r = new SmtpTransaction.Recipient(cmd.address(), cmd.parameters(), frame);
                    transaction.recipient(r);
                    subject = r;
                }
                break;
            case "DATA":
                kind = Kind.DATA;
                mode = Mode.AWAIT_354;
                break;
            case "BDAT":
                kind = Kind.BDAT;
                if (cmd.bdatSize() >= 0) {
                    if (transaction != null) {
                        transaction.chunk();
                    }
                    bdatRemaining = cmd.bdatSize();
                    bdatLast = cmd.bdatLast();
                    mode = bdatRemaining > 0 ? Mode.BDAT : Mode.COMMAND;
                    if (bdatRemaining == 0 && bdatLast) {
                        queue(new Pending(cmd.line(), kind, frame, time, null), ev);
                        endMessage(frame, time, ev, null);
                        return;
                    }
                }
                break;
            case "RSET":
                dropTransaction();
                break;
            case "STARTTLS":
                kind = Kind.STARTTLS;
                if (moreInSegment) {
                    // Commands pipelined after STARTTLS would run inside TLS (CVE-2011-0411 pattern).
                    ev.injectedOffset = offset < 0 ? 0 : offset + line.length;
                }
                break;
            case "AUTH":
                kind = Kind.AUTH;
                break;
            default:
                break;
        }
        queue(new Pending(cmd.line(), kind, frame, time, subject), ev);
    }

    private void endMessage(long frame, Timestamp time, SmtpEvents ev, String request) {
        SmtpTransaction t = transaction;
        if (t != null) {
            t.frame(frame);
            ev.transaction = t.index();
            t.end(frame);
            ev.finished = t;
            dropTransaction();
        }
        if (request != null) {
            queue(new Pending(request, Kind.END_OF_DATA, frame, time, t), ev);
        } else if (!pending.isEmpty() && pending.peekLast().kind() == Kind.BDAT) {
            // BDAT … LAST: the one reply to the command answers the end of the message too.
            Pending p = pending.removeLast();
            pending.addLast(new Pending(p.request(), Kind.END_OF_DATA, p.frame(), p.time(), t));
        }
    }

    /** Feeds the server's bytes of one frame. */
    void server(byte[] a, int off, int len, long frame, Timestamp time, SmtpEvents ev) {
        int i = 0;
        while (i < len) {
            if (mode == Mode.TLS) {
                // Clear text after the 220 that started TLS, in the same segment (CVE-2021-22947 pattern).
                ev.injectedOffset = i;
                return;
            }
            int lf = ByteSearch.indexOf(a, off + i, off + len, (byte) '\n');
            int end = lf < 0 ? len : lf - off + 1;
            boolean startsHere = serverLine.size() == 0;
            append(serverLine, a, off + i, end - i, ev);
            int start = i;
            i = end;
            if (lf >= 0) {
                byte[] line = serverLine.toByteArray();
                serverLine.reset();
                replyLine(line, startsHere ? start : -1, frame, time, ev);
            }
        }
    }

    private void replyLine(byte[] line, int offset, long frame, Timestamp time, SmtpEvents ev) {
        String text = new String(line, 0, stripEol(line), StandardCharsets.ISO_8859_1);
        SmtpReply.Line l = SmtpReply.Line.parse(text);
        if (l.status() != null && offset >= 0) {
            int at = text.indexOf(l.status());
            ev.statuses.add(new SmtpEvents.StatusAt(offset + at, l.status().length(), l.status()));
        }
        if (replyChars < limits.maxLine()) {
            // A line with a bare CR in it is more than one line to the reply, as SmtpReply.parse splits it.
            reply.addAll(text.isEmpty() || text.indexOf('\r') >= 0 ? SmtpReply.lines(text) : List.of(l));
            replyChars += text.length() + 2;
        }
        if (l.continued()) {
            return;
        }
        SmtpReply r = SmtpReply.of(reply);
        reply.clear();
        replyChars = 0;
        ev.replies.add(r);
        Pending p = pending.pollFirst();
        if (p == null) {
            return; // the greeting, or a reply to nothing we saw
        }
        ev.exchanges.add(new SmtpExchange(p.request(), p.frame(), p.time(), r, frame, time));
        answered(p, r.code(), ev);
    }

    private void answered(Pending p, int code, SmtpEvents ev) {
        switch (p.kind()) {
            case MAIL:
                if (p.subject() instanceof SmtpTransaction t) {
                    t.mailReply(code);
                }
                break;
            case RCPT:
                if (p.subject() instanceof SmtpTransaction.Recipient r) {
                    r.reply(code);
                }
                break;
            case DATA:
                if (code == 354) {
                    if (mode == Mode.AWAIT_354) {
                        mode = Mode.DATA;
                    }
                } else if (mode == Mode.AWAIT_354) {
                    mode = Mode.COMMAND;
                }
                break;
            case END_OF_DATA:
                if (p.subject() instanceof SmtpTransaction t) {
                    t.endReply(code);
                }
                break;
            case STARTTLS:
                if (code == 220) {
                    mode = Mode.TLS;
                } else {
                    ev.starttlsRefused = true;
                }
                break;
            case AUTH:
                authAnswerExpected = code == 334;
                break;
            default:
                break;
        }
    }

    /** True once a 220 reply to STARTTLS made the rest of the stream TLS. */
    boolean tls() {
        return mode == Mode.TLS;
    }

    private void queue(Pending p, SmtpEvents ev) {
        if (pending.size() >= limits.maxPending()) {
            pending.pollFirst();
            ev.limitReached("more than smtp.jdissect.max_pending_commands requests without a reply: the oldest is forgotten");
        }
        pending.addLast(p);
    }

    private void append(ByteArrayOutputStream out, byte[] a, int off, int len, SmtpEvents ev) {
        int room = Math.max(0, limits.maxLine() - out.size());
        out.write(a, off, Math.min(room, len));
        if (room < len) {
            ev.limitReached("line longer than smtp.jdissect.max_line_length: the rest is not kept");
        }
    }

    /** A line of DATA, {@code a[from, from + len)} with its end of line: the end of the message or a line of it. */
    private void dataLine(byte[] a, int from, int len, long frame, Timestamp time, SmtpEvents ev) {
        if (stripEol(a, from, len) == 1 && a[from] == '.') {
            mode = Mode.COMMAND;
            endMessage(frame, time, ev, ".");
        } else if (transaction != null) {
            int skip = len > 0 && a[from] == '.' ? 1 : 0;
            if (!transaction.buffer().append(a, from + skip, len - skip)) {
                messageCut(ev);
            }
        }
    }

    /** Length of the line without its CRLF / LF. */
    private static int stripEol(byte[] line) {
        return stripEol(line, 0, line.length);
    }

    private static int stripEol(byte[] a, int from, int len) {
        int n = len;
        if (n > 0 && a[from + n - 1] == '\n') {
            n--;
        }
        if (n > 0 && a[from + n - 1] == '\r') {
            n--;
        }
        return n;
    }
}
