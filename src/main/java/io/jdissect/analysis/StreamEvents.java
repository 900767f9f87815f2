package io.jdissect.analysis;

import io.jdissect.api.Analyzer;
import io.jdissect.api.Endpoint;
import io.jdissect.api.Packet;
import io.jdissect.api.SmtpSessionEvent;
import io.jdissect.api.SmtpTransactionEvent;
import io.jdissect.api.TcpStreamEvent;
import io.jdissect.api.TcpStreamEvent.Cause;
import io.jdissect.api.Timestamp;
import io.jdissect.protocols.smtp.SmtpEvents;
import io.jdissect.protocols.smtp.SmtpExchange;
import io.jdissect.protocols.smtp.SmtpTransaction;
import io.jdissect.protocols.tcp.TcpInfo;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Derives the analyzer events from dissected packets: TCP streams opened and closed (by the
 * {@link TcpInfo} TCP left in each packet), SMTP transactions and sessions (by the
 * {@link SmtpEvents} of jdissect's SMTP session tracking). State is kept per open stream only;
 * a closed stream leaves one bit, so that its late packets (the last ACK) do not reopen it.
 */
public final class StreamEvents {
    private static final int FIN = 0x001;
    private static final int SYN = 0x002;
    private static final int RST = 0x004;
    private static final int ACK = 0x010;

    private final Consumer<Consumer<Analyzer>> dispatch;
    private final Map<Integer, Stream> open = new HashMap<>();
    private final BitSet closed = new BitSet();

    /** @param dispatch calls its argument on every running analyzer */
    public StreamEvents(Consumer<Consumer<Analyzer>> dispatch) {
        this.dispatch = dispatch;
    }

    /** The events of one packet, in order: opened, SMTP transactions answered, then session and stream ended. */
    public void packet(Packet p) {
        TcpInfo tcp = p.info().get(TcpInfo.class);
        if (tcp == null || tcp.stream() < 0 || closed.get(tcp.stream()) || p.info().layers().contains("icmp")
                || p.info().layers().contains("icmpv6")) {
            return;
        }
        Endpoint src = new Endpoint(p.info().netSrc(), p.info().srcPort());
        Endpoint dst = new Endpoint(p.info().netDst(), p.info().dstPort());
        Stream s = open.get(tcp.stream());
        if (s == null) {
            boolean synAck = (tcp.flags() & (SYN | ACK)) == (SYN | ACK);
            boolean syn = (tcp.flags() & (SYN | ACK)) == SYN;
            s = new Stream(tcp.stream(), synAck ? dst : src, synAck ? src : dst, p.number(), p.timestamp(),
                    syn ? Cause.SYN : Cause.MIDSTREAM);
            open.put(tcp.stream(), s);
        }
        s.packets++;
        s.bytes += p.record().originalLength();
        s.lastFrame = p.number();
        s.last = p.timestamp();
        if (s.packets == 1) {
            TcpStreamEvent opened = s.event(s.opening);
            dispatch.accept(a -> a.tcpStreamOpened(opened));
        }
        SmtpEvents smtp = p.info().get(SmtpEvents.class);
        if (smtp != null) {
            smtp(s, smtp, p);
        }
        boolean fromClient = src.equals(s.client);
        if ((tcp.flags() & FIN) != 0) {
            if (fromClient) {
                s.clientFin = true;
            } else {
                s.serverFin = true;
            }
        }
        if ((tcp.flags() & RST) != 0) {
            close(s, Cause.RST);
        } else if (s.clientFin && s.serverFin) {
            close(s, Cause.FIN);
        }
    }

    /** End of capture: every stream still open closes, in stream order. */
    public void end() {
        List<Integer> streams = new ArrayList<>(open.keySet());
        streams.sort(null);
        for (int i : streams) {
            close(open.get(i), Cause.END_OF_CAPTURE);
        }
    }

    private void smtp(Stream s, SmtpEvents ev, Packet p) {
        s.smtp = true;
        for (SmtpEvents.CommandAt c : ev.commands()) {
            s.commands++;
            String verb = c.command().verb();
            if (verb.equals("MAIL")) {
                s.mailFrame = p.number();
                s.mailTime = p.timestamp();
            }
            if (verb.equals("HELO") || verb.equals("EHLO")) {
                s.clientName = c.command().argument().trim();
            }
        }
        for (SmtpExchange x : ev.exchanges()) {
            if (x.request().regionMatches(true, 0, "STARTTLS", 0, 8) && x.reply().code() == 220) {
                s.startTls = true;
            }
        }
        SmtpTransaction t = ev.finishedTransaction();
        if (t != null) {
            s.transactions++;
            s.unanswered.add(new Ended(t, p.timestamp(), MessageFacts.headers(p), MessageFacts.attachments(p)));
        }
        for (Iterator<Ended> it = s.unanswered.iterator(); it.hasNext(); ) {
            Ended e = it.next();
            if (e.transaction.endReplyCode() != -1) {
                it.remove();
                report(s, e, p.number());
            }
        }
    }

    private void report(Stream s, Ended e, long replyFrame) {
        SmtpTransaction t = e.transaction;
        List<SmtpTransactionEvent.Recipient> rcpts = new ArrayList<>();
        for (SmtpTransaction.Recipient r : t.recipients()) {
            rcpts.add(new SmtpTransactionEvent.Recipient(r.address(), r.replyCode(), r.frame()));
        }
        SmtpTransactionEvent event = new SmtpTransactionEvent(s.index, s.client, s.server, t.index(), t.mailFrom(),
                t.mailReplyCode(), rcpts, t.mailFrame(), s.startOf(t.mailFrame()), t.endFrame(), e.end,
                t.endReplyCode(), replyFrame, t.message().length, t.chunked(), e.headers, e.attachments);
        dispatch.accept(a -> a.smtpTransaction(event));
    }

    private void close(Stream s, Cause cause) {
        open.remove(s.index);
        closed.set(s.index);
        for (Ended e : s.unanswered) {
            report(s, e, 0);
        }
        if (s.smtp) {
            SmtpSessionEvent session = new SmtpSessionEvent(s.index, s.client, s.server, s.firstFrame, s.first,
                    s.lastFrame, s.last, s.clientName, s.commands, s.transactions, s.startTls, cause);
            dispatch.accept(a -> a.smtpSessionEnded(session));
        }
        TcpStreamEvent ended = s.event(cause);
        dispatch.accept(a -> a.tcpStreamClosed(ended));
    }

    /** A transaction whose message ended, waiting for the server's reply to that end. */
    private record Ended(SmtpTransaction transaction, Timestamp end, SmtpTransactionEvent.MessageHeaders headers,
                         List<SmtpTransactionEvent.Attachment> attachments) {
    }

    /** What is known of one open stream. */
    private static final class Stream {
        final int index;
        final Endpoint client;
        final Endpoint server;
        final long firstFrame;
        final Timestamp first;
        final Cause opening;
        long lastFrame;
        Timestamp last;
        long packets;
        long bytes;
        boolean clientFin;
        boolean serverFin;
        boolean smtp;
        String clientName;
        int commands;
        int transactions;
        boolean startTls;
        final List<Ended> unanswered = new ArrayList<>(1);
        /** The last MAIL FROM command's frame and time: the start of the transaction it began. */
        long mailFrame;
        Timestamp mailTime;

        Stream(int index, Endpoint client, Endpoint server, long frame, Timestamp time, Cause opening) {
            this.index = index;
            this.client = client;
            this.server = server;
            this.firstFrame = frame;
            this.first = time;
            this.opening = opening;
            this.lastFrame = frame;
            this.last = time;
        }

        Timestamp startOf(long frame) {
            return frame == mailFrame ? mailTime : first;
        }

        TcpStreamEvent event(Cause cause) {
            return new TcpStreamEvent(index, client, server, cause, firstFrame, first, lastFrame, last,
                    Math.max(packets, 1), bytes);
        }
    }
}
