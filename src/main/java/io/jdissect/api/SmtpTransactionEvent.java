package io.jdissect.api;

import java.util.List;

/**
 * One SMTP mail transaction whose message ended (the "." line of DATA or BDAT … LAST), as jdissect's
 * SMTP and IMF/MIME dissectors saw it. Reply codes are -1 when no reply was seen.
 *
 * @param stream       the {@code tcp.stream} of the session
 * @param index        position of the transaction in its session, from 1
 * @param mailFrom     the MAIL FROM reverse-path without angle brackets ("" for the null path)
 * @param recipients   each RCPT TO in order, with its reply code
 * @param firstFrame   the frame of MAIL FROM
 * @param endFrame     the frame that ended the message
 * @param endReplyCode the reply to the end of the message (e.g. 250)
 * @param replyFrame   the frame of that reply, 0 when none was seen
 * @param messageSize  bytes of the message as the client meant it (dot-unstuffed, BDAT chunks joined)
 * @param chunked      true when the message came in BDAT chunks
 * @param headers      the message's main header fields (null fields when absent)
 * @param attachments  the MIME parts with a file name, in order
 */
public record SmtpTransactionEvent(long stream, Endpoint client, Endpoint server, int index, String mailFrom,
                                   int mailReplyCode, List<Recipient> recipients, long firstFrame, Timestamp start,
                                   long endFrame, Timestamp end, int endReplyCode, long replyFrame, long messageSize,
                                   boolean chunked, MessageHeaders headers, List<Attachment> attachments) {
    public SmtpTransactionEvent {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    /** A RCPT TO address (without angle brackets), the reply code and the frame of the command. */
    public record Recipient(String address, int replyCode, long frame) {
    }

    /**
     * Header fields of the message, as the IMF dissector gives them ({@code imf.subject},
     * {@code imf.from}, {@code imf.to}, {@code imf.cc}, {@code imf.message_id}, {@code imf.date}).
     */
    public record MessageHeaders(String subject, String from, String to, String cc, String messageId, String date) {
        public static final MessageHeaders NONE = new MessageHeaders(null, null, null, null, null, null);
    }

    /**
     * An attachment: the decoded file name ({@code mime_multipart.x.filename}), the part's content
     * type, the decoded size ({@code mime_multipart.x.decoded_length}) and its SHA-256 in hex
     * ({@code mime_multipart.x.sha256}).
     */
    public record Attachment(String fileName, String contentType, long size, String sha256) {
    }
}
