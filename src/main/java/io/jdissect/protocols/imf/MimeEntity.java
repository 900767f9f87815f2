package io.jdissect.protocols.imf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One MIME entity (RFC 2045 §2.4): the message itself or a body part, with its header section,
 * its media type and parameters, and where its body lies in the message bytes. The body is
 * exactly the bytes between the part's header section and the CRLF that belongs to the next
 * boundary (RFC 2046 §5.1.1), so hashes of the decoded content match what mail readers save.
 */
public record MimeEntity(byte[] message, HeaderSection headers, MimeParameters contentType,
                         MimeParameters disposition, String transferEncoding, int bodyOffset, int bodyLength,
                         List<MimeEntity> children, int depth, List<String> problems) {

    /** The lower-cased media type; {@code text/plain} when absent (RFC 2045 §5.2). */
    public String mediaType() {
        return contentType.value().isEmpty() ? "text/plain" : contentType.value();
    }

    public boolean isMultipart() {
        return mediaType().startsWith("multipart/");
    }

    /** The file name from Content-Disposition {@code filename}, else Content-Type {@code name}, or null. */
    public String fileName() {
        String n = disposition.get("filename");
        return n != null ? n : contentType.get("name");
    }

    /**
     * An attachment: a leaf part marked {@code attachment}, or named, or not text — the parts a
     * mail reader offers to save. The text body of a single-part message is not one.
     */
    public boolean isAttachment() {
        if (isMultipart()) {
            return false;
        }
        if (disposition.value().equals("attachment") || fileName() != null) {
            return true;
        }
        return depth > 0 && !mediaType().startsWith("text/") && !disposition.value().equals("inline");
    }

    /** The raw (still transfer-encoded) body bytes. */
    public byte[] rawBody() {
        byte[] b = new byte[bodyLength];
        System.arraycopy(message, bodyOffset, b, 0, bodyLength);
        return b;
    }

    /** The body with its Content-Transfer-Encoding removed (base64, quoted-printable; others as is). */
    public TransferDecoding.Decoded decodedBody() {
        return TransferDecoding.decode(transferEncoding, message, bodyOffset, bodyLength);
    }

    /** One digest per thread: looking the algorithm up among the providers cost a fifth of a part's hashing. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(SHA256.get().digest(bytes)); // digest() also resets it
    }
}
