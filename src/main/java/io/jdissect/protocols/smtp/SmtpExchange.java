package io.jdissect.protocols.smtp;

import io.jdissect.api.Timestamp;

/**
 * A command (or AUTH answer, or end of message) paired with the reply that answered it — in
 * order, as RFC 2920 pipelining requires — and the time between them.
 */
public record SmtpExchange(String request, long requestFrame, Timestamp requestTime, SmtpReply reply,
                           long replyFrame, Timestamp replyTime) {
    /** Reply time minus request time. */
    public Timestamp responseTime() {
        return replyTime.minus(requestTime);
    }
}
