package io.jdissect.plugins.c2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds encoded blobs in the bodies of a message that do not declare them: base64 or hex in a part
 * whose Content-Transfer-Encoding is not base64 (RFC 2045 6.8) — the attachment that is meant to be
 * base64 is skipped, text that merely carries a blob is not. Consecutive lines made only of the
 * base64 alphabet are joined first, as a blob is usually wrapped at 76 characters. Walks the MIME
 * structure itself (RFC 2046 5.1 boundaries), at most {@link #MAX_BOUNDARIES} nested multiparts.
 */
final class MessageBodies {
    static final int MAX_BOUNDARIES = 20;
    /** Shortest line that starts a blob: encoders wrap at 64 or 76, so a short first line is a word. */
    static final int MIN_FIRST_LINE = 16;
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))");

    /** A blob in a body: the Content-Type of its part, its offset in the message, the blob. */
    record BodyBlob(String contentType, int offset, EncodedRuns.Run run) {
    }

    private final int minLength;
    private final List<String> boundaries = new ArrayList<>(2);
    private final List<BodyBlob> found = new ArrayList<>(1);
    private final StringBuilder headers = new StringBuilder();
    private final StringBuilder block = new StringBuilder();
    private int blockOffset;
    private boolean inHeaders = true;
    private boolean skip;
    private String contentType = "text/plain";

    private MessageBodies(int minLength) {
        this.minLength = minLength;
    }

    /** The undeclared blobs of at least {@code minLength} characters in {@code message} (IMF bytes). */
    static List<BodyBlob> find(byte[] message, int minLength) {
        MessageBodies m = new MessageBodies(minLength);
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lf = text.indexOf('\n', at);
            int next = lf < 0 ? text.length() : lf + 1;
            int end = lf < 0 ? text.length() : lf > at && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            m.line(text.substring(at, end), at);
            at = next;
        }
        m.flushBlock();
        return m.found;
    }

    private void line(String line, int offset) {
        String boundary = boundaryOf(line);
        if (boundary != null) {
            flushBlock();
            boolean last = line.startsWith("--" + boundary + "--");
            inHeaders = !last;
            skip = true; // an epilogue after the last boundary, or nothing until the part's headers end
            headers.setLength(0);
            return;
        }
        if (inHeaders) {
            if (line.isEmpty()) {
                endOfHeaders();
            } else {
                headers.append(line.charAt(0) == ' ' || line.charAt(0) == '\t' ? "" : "\n").append(line);
            }
            return;
        }
        if (skip) {
            return;
        }
        boolean encodedLine = !line.isEmpty() && line.chars().allMatch(c -> EncodedRuns.base64Char(c) || c == '=');
        if (encodedLine && (block.length() > 0 || line.length() >= MIN_FIRST_LINE)) {
            if (block.length() == 0) {
                blockOffset = offset;
            }
            block.append(line);
            return;
        }
        flushBlock();
        for (EncodedRuns.Run r : EncodedRuns.find(line, minLength)) {
            found.add(new BodyBlob(contentType, offset + r.offset(), r));
        }
    }

    private void endOfHeaders() {
        inHeaders = false;
        String type = header("content-type");
        contentType = type == null ? "text/plain" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        String cte = header("content-transfer-encoding");
        boolean declaredBase64 = cte != null && cte.trim().equalsIgnoreCase("base64");
        boolean multipart = contentType.startsWith("multipart/");
        if (multipart) {
            Matcher m = BOUNDARY.matcher(type);
            if (m.find() && boundaries.size() < MAX_BOUNDARIES) {
                boundaries.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        skip = declaredBase64 || multipart; // a multipart's own body is its preamble
    }

    /** The value of a header of the current entity (unfolded), or null. */
    private String header(String name) {
        for (String h : headers.toString().split("\n")) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private String boundaryOf(String line) {
        if (!line.startsWith("--")) {
            return null;
        }
        for (String b : boundaries) {
            if (line.startsWith(b, 2) && line.substring(2 + b.length()).replace("--", "").isBlank()) {
                return b;
            }
        }
        return null;
    }

    private void flushBlock() {
        if (block.length() >= minLength) {
            for (EncodedRuns.Run r : EncodedRuns.find(block, minLength)) {
                found.add(new BodyBlob(contentType, blockOffset, r));
            }
        }
        block.setLength(0);
    }
}
