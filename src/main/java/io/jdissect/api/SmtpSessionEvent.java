package io.jdissect.api;

/**
 * An SMTP session (one TCP stream that carried SMTP) ended.
 *
 * @param stream       the {@code tcp.stream}
 * @param clientName   the argument of the last HELO/EHLO, null if none was seen
 * @param commands     client commands seen
 * @param transactions mail transactions whose message ended (each reported before)
 * @param startTls     true when the server accepted STARTTLS (what followed is not dissected)
 * @param closedBy     how the TCP stream ended
 */
public record SmtpSessionEvent(long stream, Endpoint client, Endpoint server, long firstFrame, Timestamp start,
                               long lastFrame, Timestamp end, String clientName, int commands, int transactions,
                               boolean startTls, TcpStreamEvent.Cause closedBy) {
}
