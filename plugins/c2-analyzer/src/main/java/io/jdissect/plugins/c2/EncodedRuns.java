package io.jdissect.plugins.c2;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds base64 and hex blobs in text: maximal runs of the base64 alphabet ({@code A-Z a-z 0-9 + /},
 * up to two {@code =} of padding) at least {@code minLength} long, with a digit, whose character
 * classes change as often as encoded data's do ({@link RandomTokens#MIN_CLASS_CHANGES}), so that
 * long words and CamelCase names are not blobs (40 base64 characters lack a digit once in 900). A run of hex digits only is reported as hex. base64url ({@code - _}) is not followed:
 * those characters also join words and dates.
 */
final class EncodedRuns {
    /** A blob: its encoding ("base64" or "hex"), where it starts in the text, and its characters. */
    record Run(String encoding, int offset, String text) {
        /** The first bytes the blob decodes to, printable ASCII kept and other bytes as {@code \xNN}. */
        String decodedPreview() {
            byte[] bytes = decode(encoding, text);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Math.min(bytes.length, PREVIEW_BYTES); i++) {
                int c = bytes[i] & 0xff;
                if (c >= 0x20 && c < 0x7f) {
                    b.append((char) c);
                } else {
                    b.append(String.format("\\x%02x", c));
                }
            }
            return b.toString();
        }
    }

    static final int PREVIEW_BYTES = 32;

    private EncodedRuns() {
    }

    /** The blobs of {@code text} at least {@code minLength} characters long, in order. */
    static List<Run> find(CharSequence text, int minLength) {
        List<Run> runs = new ArrayList<>(1);
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!base64Char(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && base64Char(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (i < n && i - end < 2 && text.charAt(i) == '=') {
                i++;
            }
            if (end - start >= minLength) {
                String t = text.subSequence(start, i).toString();
                String chars = t.substring(0, end - start);
                if (chars.chars().anyMatch(Character::isDigit)
                        && Entropy.classChangeRatio(chars) >= RandomTokens.MIN_CLASS_CHANGES) {
                    runs.add(new Run(looksLike(t), start, t));
                }
            }
        }
        return runs;
    }

    /** "hex" when only hex digits, "base64" when only the base64 alphabet, else "random". */
    static String looksLike(String t) {
        if (t.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f') || t.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
            return "hex";
        }
        String body = t.replaceAll("=+$", "");
        return body.chars().allMatch(EncodedRuns::base64Char) ? "base64" : "random";
    }

    static boolean base64Char(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '+' || c == '/';
    }

    /** Decodes what it can: hex pairs, or base64 with its padding restored; undecodable gives nothing. */
    private static byte[] decode(String encoding, String text) {
        try {
            if (encoding.equals("hex")) {
                return HexFormat.of().parseHex(text.substring(0, text.length() & ~1));
            }
            String body = text.replaceAll("=+$", "");
            if (body.length() % 4 == 1) {
                body = body.substring(0, body.length() - 1); // a lone sextet holds no whole byte
            }
            return Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
