package io.jdissect.protocols.smtp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One mail transaction (RFC 5321 3.3): MAIL FROM, the RCPT TOs, then the message ended by the
 * "." line of DATA or by BDAT … LAST. RSET or a new session abandons it. The message bytes are
 * as the client meant them: dot-unstuffed for DATA, the BDAT chunks joined by their exact sizes.
 */
public final class SmtpTransaction {
    /** A recipient with the frame of its RCPT command and the reply code (-1 until answered). */
    public static final class Recipient {
        private final String address;
        private final Map<String, String> parameters;
        private final long frame;
        private int replyCode = -1;

        Recipient(String address, Map<String, String> parameters, long frame) {
            this.address = address;
            this.parameters = parameters;
            this.frame = frame;
        }

        public String address() {
            return address;
        }

        public Map<String, String> parameters() {
            return parameters;
        }

        public long frame() {
            return frame;
        }

        public int replyCode() {
            return replyCode;
        }

        /** Accepted by the server (2xx reply). */
        public boolean accepted() {
            return replyCode >= 200 && replyCode < 300;
        }

        void reply(int code) {
            replyCode = code;
        }
    }

    private final int index;
    private final String mailFrom;
    private final Map<String, String> mailParameters;
    private final long mailFrame;
    private int mailReplyCode = -1;
    private final List<Recipient> recipients = new ArrayList<>(2);
    private final List<Long> frames = new ArrayList<>(8);
    /** The last of {@link #frames}, compared for every segment of the message without unboxing it. */
    private long lastFrame;
    private final MessageBuffer message;
    private boolean chunked;
    private int chunks;
    private long endFrame;
    private int endReplyCode = -1;

    /**
     * @param chunks where the message's arrays come from, counted while the message is in flight;
     *               the transaction keeps them ({@link MessageBuffer#keep()}) once the session is done with it
     */
    SmtpTransaction(int index, String mailFrom, Map<String, String> mailParameters, long mailFrame, int maxBytes,
                    MessageChunks chunks) {
        this.message = new MessageBuffer(maxBytes, chunks);
        this.index = index;
        this.mailFrom = mailFrom;
        this.mailParameters = mailParameters;
        this.mailFrame = mailFrame;
        frames.add(mailFrame);
        lastFrame = mailFrame;
    }

    /** Position of this transaction in its session, from 1. */
    public int index() {
        return index;
    }

    /** The reverse-path without angle brackets ("" for the null path). */
    public String mailFrom() {
        return mailFrom;
    }

    public Map<String, String> mailParameters() {
        return mailParameters;
    }

    public long mailFrame() {
        return mailFrame;
    }

    public int mailReplyCode() {
        return mailReplyCode;
    }

    public List<Recipient> recipients() {
        return Collections.unmodifiableList(recipients);
    }

    /** Client frames that carried this transaction's commands and content, in order. */
    public List<Long> frames() {
        return Collections.unmodifiableList(frames);
    }

    /** The message: dot-unstuffed (DATA) or the chunks joined (BDAT); capped at {@code smtp.jdissect.max_message_bytes}. */
    public byte[] message() {
        return message.bytes();
    }

    /** True when the message came in BDAT chunks (RFC 3030). */
    public boolean chunked() {
        return chunked;
    }

    /** Number of BDAT chunks (0 for DATA). */
    public int chunks() {
        return chunks;
    }

    /** The frame that ended the message ("." line or last chunk octet), 0 if it never ended. */
    public long endFrame() {
        return endFrame;
    }

    /** The server's reply to the end of the message (e.g. 250 queued), -1 until seen. */
    public int endReplyCode() {
        return endReplyCode;
    }

    // ---- built by SmtpSession ----

    void frame(long frame) {
        if (lastFrame != frame) {
            frames.add(frame);
            lastFrame = frame;
        }
    }

    void mailReply(int code) {
        mailReplyCode = code;
    }

    void recipient(Recipient r) {
        recipients.add(r);
    }

    MessageBuffer buffer() {
        return message;
    }

    void chunk() {
        chunked = true;
        chunks++;
    }

    void end(long frame) {
        endFrame = frame;
    }

    void endReply(int code) {
        endReplyCode = code;
    }

    @Override
    public String toString() {
        return "transaction " + index + " from <" + mailFrom + "> to " + recipients.size() + " recipient(s), "
                + message.size() + " bytes";
    }
}
