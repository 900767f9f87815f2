package io.jdissect.bench.capture;

/** What an application says over one TCP connection, produced one exchange at a time. */
interface Dialogue {
    /**
     * Queues the next exchange (handshake, command and reply, close …) on {@code flow}; false when the
     * dialogue is over and nothing was queued.
     */
    boolean next(TcpFlow flow, long epochSeconds);

    /** True for SMTP, false for the other traffic; the scheduler keeps their byte shares. */
    boolean isSmtp();
}
