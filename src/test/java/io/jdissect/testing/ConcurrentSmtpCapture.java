package io.jdissect.testing;

import java.nio.charset.StandardCharsets;

/**
 * A pcap of {@code sessions} SMTP connections that send their big part at the same time, made on
 * the fly as it is read (the file never exists in memory): each connection opens, is greeted, then
 * either sends one message of {@code bytes} bytes in DATA (ended, or abandoned by closing the
 * connection) or a command line of {@code bytes} bytes that never ends; the connections take turns,
 * a few full segments each. What jdissect buffers for them grows with {@code sessions} times
 * {@code bytes} unless its caps hold it.
 */
public final class ConcurrentSmtpCapture extends GeneratedPcap {
    /** What each connection sends at the same time as the others. */
    public enum Payload {
        /** MAIL, RCPT, DATA, a message of base64-like lines, the end of data, QUIT, FIN. */
        MESSAGE,
        /**
         * As MESSAGE, but each client closes the connection (FIN) before the end of data; then one
         * more connection sends a short message whole (subject "short").
         */
        ABANDONED_MESSAGE,
        /** A command line without its end (garbage on port 25, say); the connection stays open. */
        UNENDED_LINE
    }

    private static final int MSS = 1460;
    private static final int SEGMENTS_PER_TURN = 4;
    private static final byte[] SERVER_IP = {10, 1, 0, 1};

    private final Payload payload;
    private final long bytes;
    private final Session[] sessions;
    private int phase;
    private long micros;

    private static final class Session {
        final byte[] ip;
        final int port;
        long clientSeq = 1000;
        long serverSeq = 5000;
        long sent;

        Session(int i) {
            ip = new byte[] {10, 0, (byte) (i >> 8), (byte) (i & 0xff)};
            port = 40000 + i;
        }
    }

    public ConcurrentSmtpCapture(int sessions, long bytes, Payload payload) {
        this.payload = payload;
        this.bytes = bytes;
        this.sessions = new Session[sessions];
        for (int i = 0; i < sessions; i++) {
            this.sessions[i] = new Session(i);
        }
    }

    /** Queues the next records: every opening, then turns of the big parts, then every closing. */
    @Override
    protected boolean more() {
        switch (phase) {
            case 0 -> {
                for (Session s : sessions) {
                    open(s, "big " + s.port);
                }
                phase = 1;
            }
            case 1 -> {
                boolean more = false;
                for (Session s : sessions) {
                    for (int k = 0; k < SEGMENTS_PER_TURN && s.sent < bytes; k++) {
                        int n = (int) Math.min(MSS, bytes - s.sent);
                        byte[] data = new byte[n];
                        for (int i = 0; i < n; i++) {
                            long at = s.sent + i;
                            // Lines of 76 characters for a message; no line end at all otherwise.
                            boolean lines = payload != Payload.UNENDED_LINE;
                            data[i] = lines && at % 78 == 76 ? (byte) '\r'
                                    : lines && at % 78 == 77 ? (byte) '\n'
                                    : (byte) ('A' + (int) (at % 26));
                        }
                        segment(s, true, 0x18, data);
                        s.sent += n;
                    }
                    more |= s.sent < bytes;
                }
                if (!more) {
                    phase = 2;
                }
            }
            case 2 -> {
                if (payload == Payload.MESSAGE) {
                    for (Session s : sessions) {
                        close(s);
                    }
                } else if (payload == Payload.ABANDONED_MESSAGE) {
                    for (Session s : sessions) {
                        segment(s, true, 0x11, new byte[0]);
                        segment(s, false, 0x11, new byte[0]);
                    }
                    Session last = new Session(sessions.length);
                    open(last, "short");
                    segment(last, true, 0x18, ascii("Just this.\r\n"));
                    close(last);
                }
                phase = 3;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void open(Session s, String subject) {
        segment(s, true, 0x02, new byte[0]);
        segment(s, false, 0x12, new byte[0]);
        segment(s, true, 0x10, new byte[0]);
        segment(s, false, 0x18, ascii("220 mx.example.test ESMTP\r\n"));
        if (payload != Payload.UNENDED_LINE) {
            segment(s, true, 0x18, ascii("EHLO c" + s.port + ".example.test\r\n"));
            segment(s, false, 0x18, ascii("250 mx.example.test\r\n"));
            segment(s, true, 0x18, ascii("MAIL FROM:<a" + s.port + "@example.test>\r\n"));
            segment(s, false, 0x18, ascii("250 2.1.0 Ok\r\n"));
            segment(s, true, 0x18, ascii("RCPT TO:<b@example.test>\r\n"));
            segment(s, false, 0x18, ascii("250 2.1.5 Ok\r\n"));
            segment(s, true, 0x18, ascii("DATA\r\n"));
            segment(s, false, 0x18, ascii("354 End data with <CR><LF>.<CR><LF>\r\n"));
            segment(s, true, 0x18, ascii("From: a" + s.port + "@example.test\r\nTo: b@example.test\r\nSubject: "
                    + subject + "\r\n\r\n"));
        }
    }

    private void close(Session s) {
        segment(s, true, 0x18, ascii("\r\n.\r\n"));
        segment(s, false, 0x18, ascii("250 2.0.0 Ok: queued\r\n"));
        segment(s, true, 0x18, ascii("QUIT\r\n"));
        segment(s, false, 0x18, ascii("221 2.0.0 Bye\r\n"));
        segment(s, true, 0x11, new byte[0]);
        segment(s, false, 0x11, new byte[0]);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void segment(Session s, boolean fromClient, int flags, byte[] data) {
        micros += 100;
        add(segment(micros, fromClient, fromClient ? s.ip : SERVER_IP, fromClient ? SERVER_IP : s.ip,
                fromClient ? s.port : 25, fromClient ? 25 : s.port, fromClient ? s.clientSeq : s.serverSeq,
                fromClient ? s.serverSeq : s.clientSeq, flags, data));
        long advance = data.length + ((flags & 0x03) != 0 ? 1 : 0);
        if (fromClient) {
            s.clientSeq += advance;
        } else {
            s.serverSeq += advance;
        }
    }

    @Override
    public String toString() {
        return sessions.length + " connections, " + bytes + " bytes each, " + payload;
    }
}
