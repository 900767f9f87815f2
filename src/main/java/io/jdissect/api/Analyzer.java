package io.jdissect.api;

import java.util.Set;

/**
 * An analyzer (Wireshark's "tap"): it receives every dissected packet and the higher-level events
 * jdissect derives from them, then produces a {@link Report}. Every callback but {@link #report()}
 * does nothing by default, so an analyzer overrides only what it needs.
 *
 * <p>Order of calls, for each packet in capture order: {@link #packet}, then the events the packet
 * caused ({@link #tcpStreamOpened} before anything else of its stream; {@link #smtpTransaction}
 * when the server answered the end of a message; {@link #smtpSessionEnded} then
 * {@link #tcpStreamClosed} when the stream closed). At the end of the capture the streams still
 * open are closed (cause {@link TcpStreamEvent.Cause#END_OF_CAPTURE}), then {@link #end()} is
 * called, then {@link #report()}.
 *
 * <p>Analyzers see every packet, whatever display filter is applied to the printed packets, as
 * tshark's taps do. An analyzer that throws is reported by its name and receives nothing more.
 * Analyzers are made by an {@link AnalyzerFactory}; run them with {@link Analysis}.
 */
public interface Analyzer {
    /** Each dissected packet, in capture order. */
    default void packet(Packet packet) {
    }

    /** A TCP stream's first packet (with a SYN, or mid-stream when the capture began later). */
    default void tcpStreamOpened(TcpStreamEvent stream) {
    }

    /** A TCP stream ended: FIN seen in both directions, a RST, or the end of the capture. */
    default void tcpStreamClosed(TcpStreamEvent stream) {
    }

    /** A mail transaction whose message ended and whose end was answered (or the session ended first). */
    default void smtpTransaction(SmtpTransactionEvent transaction) {
    }

    /** An SMTP session ended (its TCP stream closed); its transactions were reported before. */
    default void smtpSessionEnded(SmtpSessionEvent session) {
    }

    /** The capture ended: every stream is closed and no more events come. */
    default void end() {
    }

    /**
     * The fields whose items this analyzer reads from the packets (abbreviations; a protocol's name
     * stands for all of its fields), or null when it may read any. Dissection makes only the items a
     * run reads: an analyzer that says what it reads (a TCP conversation table: {@code tcp}) spares
     * the run every other layer's items, MIME decoding among them. What it gets from
     * {@link PacketInfo} and the events comes whatever it says.
     */
    default Set<String> fieldsRead() {
        return null;
    }

    /** The result, asked for after {@link #end()}. */
    Report report();
}
