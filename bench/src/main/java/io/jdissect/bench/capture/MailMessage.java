package io.jdissect.bench.capture;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * An Internet message (RFC 5322) as a mail client or relay sends it: folded Received and
 * DKIM-Signature headers, display names, Cc, replies, encoded-word subjects (RFC 2047), and either a
 * plain text body or a multipart/mixed one (RFC 2046) with base64 attachments. Lines end in CRLF and
 * none starts with a dot, so the bytes go into DATA unchanged.
 */
final class MailMessage {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[][] ATTACHMENTS = {
        {"application/octet-stream", "data", "bin"},
        {"application/zip", "archive", "zip"},
        {"application/vnd.ms-excel", "figures", "xls"},
        {"text/csv", "export", "csv"},
    };

    private MailMessage() {
    }

    /** A message of about {@code size} bytes from {@code from} to {@code to}, dated {@code epochSeconds}. */
    static byte[] compose(Corpus c, String from, List<String> to, long epochSeconds, Host client, int size) {
        StringBuilder m = new StringBuilder(size + 2048);
        String date = DATE.format(Instant.ofEpochSecond(epochSeconds));
        String fromDomain = from.substring(from.indexOf('@') + 1);
        m.append("Received: from ").append(client.name).append(" (").append(client.name).append(" [")
                .append(client.dottedIp()).append("])\r\n\tby smtp.").append(fromDomain)
                .append(" (Postfix) with ESMTPSA id ").append(c.hex(10).toUpperCase(Locale.ROOT))
                .append("\r\n\tfor <").append(to.get(0)).append(">; ").append(date).append("\r\n");
        if (c.chance(0.5)) {
            m.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=").append(fromDomain)
                    .append(";\r\n\ts=mail; t=").append(epochSeconds).append(";\r\n\tbh=")
                    .append(base64(c, 32)).append(";\r\n\th=From:To:Subject:Date:Message-ID;\r\n\tb=");
            String signature = base64(c, 256);
            for (int i = 0; i < signature.length(); i += 70) {
                m.append(i == 0 ? "" : "\r\n\t ").append(signature, i, Math.min(signature.length(), i + 70));
            }
            m.append("\r\n");
        }
        m.append("Date: ").append(date).append("\r\n");
        m.append("From: ").append(mailbox(c, from)).append("\r\n");
        m.append("To: ");
        for (int i = 0; i < to.size(); i++) {
            m.append(i == 0 ? "" : ",\r\n ").append(mailbox(c, to.get(i)));
        }
        m.append("\r\n");
        if (c.chance(0.3)) {
            m.append("Cc: ").append(mailbox(c, c.firstName() + "@" + c.domain())).append("\r\n");
        }
        boolean reply = c.chance(0.3);
        m.append("Subject: ").append(subject(c, reply)).append("\r\n");
        m.append("Message-ID: <").append(c.hex(16)).append('.').append(c.hex(8)).append('@').append(fromDomain)
                .append(">\r\n");
        if (reply) {
            m.append("In-Reply-To: <").append(c.hex(16)).append('@').append(c.domain()).append(">\r\n");
        }
        if (c.chance(0.4)) {
            m.append("X-Mailer: ").append(c.chance(0.5) ? "Microsoft Outlook 16.0" : "Mozilla Thunderbird 115.4.1")
                    .append("\r\n");
        }
        m.append("MIME-Version: 1.0\r\n");
        int bodySize = Math.max(64, size - m.length());
        if (bodySize > 8192 && c.chance(0.5)) {
            appendMultipart(c, m, bodySize);
        } else {
            m.append("Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
            c.appendText(m, bodySize);
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendMultipart(Corpus c, StringBuilder m, int bodySize) {
        String boundary = "----=_Part_" + c.hex(6) + "_" + c.hex(8);
        m.append("Content-Type: multipart/mixed;\r\n\tboundary=\"").append(boundary).append("\"\r\n\r\n");
        m.append("This is a multi-part message in MIME format.\r\n\r\n");
        int end = m.length() + bodySize;
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
        c.appendText(m, 200 + c.random().nextInt(3000));
        int attachments = 1 + c.random().nextInt(2);
        for (int i = 0; i < attachments; i++) {
            String[] kind = ATTACHMENTS[c.random().nextInt(ATTACHMENTS.length)];
            String name = kind[1] + "-" + (1 + c.random().nextInt(999)) + "." + kind[2];
            m.append("\r\n--").append(boundary).append("\r\n");
            m.append("Content-Type: ").append(kind[0]).append("; name=\"").append(name).append("\"\r\n");
            m.append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n");
            m.append("Content-Transfer-Encoding: base64\r\n\r\n");
            c.appendBase64(m, Math.max(76, (end - m.length()) / (attachments - i)));
        }
        m.append("\r\n--").append(boundary).append("--\r\n");
    }

    /** An address alone, or with a display name, quoted when it has a space (RFC 5322 3.4). */
    private static String mailbox(Corpus c, String address) {
        String local = address.substring(0, address.indexOf('@'));
        String name = Character.toUpperCase(local.charAt(0)) + local.substring(1).replace('.', ' ');
        int style = c.random().nextInt(3);
        return style == 0 ? address : style == 1 ? "\"" + name + "\" <" + address + ">" : name.replace(' ', '_') + " <" + address + ">";
    }

    private static String subject(Corpus c, boolean reply) {
        String prefix = reply ? (c.chance(0.8) ? "Re: " : "Fwd: ") : "";
        if (c.chance(0.1)) {
            byte[] utf8 = (prefix + c.unicodeSubject()).getBytes(StandardCharsets.UTF_8);
            return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8) + "?=";
        }
        String words = c.words(2 + c.random().nextInt(7));
        return prefix + Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String base64(Corpus c, int bytes) {
        byte[] raw = new byte[bytes];
        c.random().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
