package io.jdissect.protocols.smtp;

/**
 * jdissect's memory caps for one SMTP session (preferences {@code smtp.jdissect.max_line_length},
 * {@code smtp.jdissect.max_pending_commands}, {@code smtp.jdissect.max_message_bytes}): a line kept
 * while waiting for its end, requests waiting for a reply (a server that never answers), and the
 * bytes of one message. Past a cap the rest is counted but dropped, with the expert item
 * {@code smtp.x.limit_reached}.
 */
record SmtpLimits(int maxLine, int maxPending, int maxMessageBytes) {
    /** RFC 5321 4.5.3.1.4 allows 1000-byte lines; real clients exceed it, so keep 64 KiB. */
    static final int DEFAULT_LINE = 64 * 1024;
    static final int DEFAULT_PENDING = 1024;
    static final int DEFAULT_MESSAGE = 64 << 20;
    /**
     * All messages in flight together ({@code smtp.jdissect.max_total_message_bytes}, not per
     * session): with TCP's reassembly caps, within the launcher's heap.
     */
    static final long DEFAULT_TOTAL_MESSAGES = 64L << 20;
}
