package io.jdissect.protocols.imf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One header field as RFC 5322 §2.2 means it: its name, where it is in the message
 * ({@code offset}, {@code length} cover the whole field with its final line end), its value
 * unfolded (§2.2.3: CRLF before white space removed; raw UTF-8 from SMTPUTF8 mail kept, other
 * bytes read as ISO-8859-1) and the value with RFC 2047 encoded-words decoded.
 */
public record HeaderField(String name, int offset, int length, String unfolded, String decoded,
                          boolean truncated, String unknownCharset) {

    /** Reads the field whose value spans {@code data[valueStart, valueEnd)}. */
    static HeaderField of(String name, byte[] data, int offset, int length, int valueStart, int valueEnd,
                          int maxLength) {
        String raw = text(data, valueStart, valueEnd - valueStart);
        String unfolded = unfold(raw).strip();
        boolean truncated = unfolded.length() > maxLength;
        if (truncated) {
            unfolded = unfolded.substring(0, maxLength);
        }
        EncodedWords.Result r = EncodedWords.decode(unfolded);
        return new HeaderField(name, offset, length, unfolded, r.text(), truncated, r.unknownCharset());
    }

    /** Bytes as UTF-8 when they are valid UTF-8 (RFC 6532), else as ISO-8859-1. */
    public static String text(byte[] data, int offset, int length) {
        if (ascii(data, offset, length)) {
            // Nearly every header is ASCII, the same in both readings: no decoder and no char buffer for it.
            return new String(data, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean ascii(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5322 §2.2.3 unfolding: a line end followed by white space is removed; a final line end too. */
    public static String unfold(String raw) {
        int first = 0;
        int n = raw.length();
        while (first < n && raw.charAt(first) != '\r' && raw.charAt(first) != '\n') {
            first++;
        }
        if (first == n) {
            return raw; // an unfolded field: most of them
        }
        StringBuilder out = new StringBuilder(n).append(raw, 0, first);
        for (int i = first; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** True when the name is {@code expected}, ignoring case (RFC 5322 §1.2.2). */
    public boolean is(String expected) {
        return name.equalsIgnoreCase(expected);
    }
}
