package io.jdissect.testing;

import java.nio.charset.StandardCharsets;

/**
 * A pcap of one SMTP connection carrying {@code messages} mail transactions, produced on the fly as
 * it is read: the file never exists in memory, so a test can feed jdissect captures of any size and
 * watch what jdissect itself keeps. Ethernet / IPv4 / TCP with consistent sequence numbers; each
 * segment acknowledges everything the other side sent.
 */
public final class SyntheticSmtpCapture extends GeneratedPcap {
    private static final byte[] CLIENT_IP = {10, 0, 0, 1};
    private static final byte[] SERVER_IP = {10, 0, 0, 2};
    private static final int CLIENT_PORT = 40000;
    private static final int SERVER_PORT = 25;

    private final int messages;
    private int step;
    private int message;
    private long clientSeq = 1000;
    private long serverSeq = 5000;
    private long micros;

    public SyntheticSmtpCapture(int messages) {
        this.messages = messages;
    }

    /** The conversation as a script: handshake, greeting, then MAIL/RCPT/DATA/body per message, QUIT. */
    @Override
    protected boolean more() {
        switch (step) {
            case 0: step++; return segment(true, 0x02, "");
            case 1: step++; return segment(false, 0x12, "");
            case 2: step++; return segment(true, 0x10, "");
            case 3: step++; return segment(false, 0x18, "220 mail.example.test ESMTP\r\n");
            case 4: step++; return segment(true, 0x18, "EHLO client.example.test\r\n");
            case 5: step++; return segment(false, 0x18, "250-mail.example.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
            default:
                break;
        }
        if (message < messages) {
            int phase = step - 6;
            step = phase == 7 ? 6 : step + 1;
            if (phase == 7) {
                message++;
            }
            switch (phase) {
                case 0: return segment(true, 0x18, "MAIL FROM:<alice" + message + "@example.test>\r\n");
                case 1: return segment(false, 0x18, "250 2.1.0 Ok\r\n");
                case 2: return segment(true, 0x18, "RCPT TO:<bob@example.test>\r\n");
                case 3: return segment(false, 0x18, "250 2.1.5 Ok\r\n");
                case 4: return segment(true, 0x18, "DATA\r\n");
                case 5: return segment(false, 0x18, "354 End data with <CR><LF>.<CR><LF>\r\n");
                case 6: return segment(true, 0x18, "From: alice" + message + "@example.test\r\nTo: bob@example.test\r\n"
                        + "Subject: message " + message + "\r\n\r\nHello number " + message + ".\r\n.\r\n");
                default: return segment(false, 0x18, "250 2.0.0 Ok: queued as " + message + "\r\n");
            }
        }
        if (step == 6) {
            step = 100;
            return segment(true, 0x18, "QUIT\r\n");
        }
        if (step == 100) {
            step = 101;
            return segment(false, 0x18, "221 2.0.0 Bye\r\n");
        }
        return false;
    }

    private boolean segment(boolean fromClient, int flags, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.US_ASCII);
        micros += 1000;
        add(segment(micros, fromClient, fromClient ? CLIENT_IP : SERVER_IP,
                fromClient ? SERVER_IP : CLIENT_IP, fromClient ? CLIENT_PORT : SERVER_PORT,
                fromClient ? SERVER_PORT : CLIENT_PORT, fromClient ? clientSeq : serverSeq,
                fromClient ? serverSeq : clientSeq, flags, data));
        long advance = data.length + ((flags & 0x02) != 0 ? 1 : 0);
        if (fromClient) {
            clientSeq += advance;
        } else {
            serverSeq += advance;
        }
        return true;
    }
}
