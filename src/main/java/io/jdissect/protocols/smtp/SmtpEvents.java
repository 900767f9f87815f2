package io.jdissect.protocols.smtp;

import io.jdissect.api.Packet;

import java.util.ArrayList;
import java.util.List;

/**
 * What jdissect's own view of an SMTP session ({@link SmtpSession}) found in one frame: the commands
 * and replies completed in it, the request/response pairs, the transaction it belongs to or
 * finished, the exact BDAT octets, and the STARTTLS findings. Read it with {@link #of(Packet)}.
 */
public final class SmtpEvents {
    /** A command line completed in this frame; {@code offset} -1 when it began in an earlier frame. */
    public record CommandAt(int offset, int length, SmtpCommand command) {
    }

    /** An RFC 3463 status code found at {@code offset} of this frame. */
    public record StatusAt(int offset, int length, String status) {
    }

    final List<CommandAt> commands = new ArrayList<>(2);
    final List<StatusAt> statuses = new ArrayList<>(2);
    final List<SmtpExchange> exchanges = new ArrayList<>(2);
    final List<SmtpReply> replies = new ArrayList<>(2);
    int transaction;
    SmtpTransaction finished;
    long bdatOctets = -1;
    int chunkEndOffset = -1;
    int injectedOffset = -1;
    boolean starttlsRefused;
    /** What cap of {@link SmtpLimits} this frame hit, or null. */
    String limitReached;

    void limitReached(String what) {
        limitReached = what;
    }

    /** The cap ({@code smtp.jdissect.*}) this frame hit, said as the expert item says it, or null. */
    public String limitReached() {
        return limitReached;
    }

    /** The events of an SMTP packet, or an empty set for any other packet. */
    public static SmtpEvents of(Packet packet) {
        SmtpEvents e = packet.info().get(SmtpEvents.class);
        return e != null ? e : new SmtpEvents();
    }

    public List<CommandAt> commands() {
        return commands;
    }

    public List<StatusAt> statuses() {
        return statuses;
    }

    /** Requests answered by a reply completed in this frame. */
    public List<SmtpExchange> exchanges() {
        return exchanges;
    }

    /** Every reply completed in this frame (the greeting and unsolicited ones too), in order. */
    public List<SmtpReply> replies() {
        return replies;
    }

    /** Index of the mail transaction this client frame belongs to, 0 if none. */
    public int transaction() {
        return transaction;
    }

    /** The transaction whose message ended in this frame, or null. */
    public SmtpTransaction finishedTransaction() {
        return finished;
    }

    /** BDAT chunk octets carried by this frame, -1 when it carries none. */
    public long bdatOctets() {
        return bdatOctets;
    }

    /** Offset where a BDAT chunk ended with more bytes after it in this frame, else -1. */
    public int chunkEndOffset() {
        return chunkEndOffset;
    }

    /** Offset of clear-text bytes following a STARTTLS command or its 220 reply in the same segment, else -1. */
    public int injectedOffset() {
        return injectedOffset;
    }

    /** True when this frame's reply refused STARTTLS. */
    public boolean starttlsRefused() {
        return starttlsRefused;
    }
}
