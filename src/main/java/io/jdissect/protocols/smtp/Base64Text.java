package io.jdissect.protocols.smtp;

import java.io.ByteArrayOutputStream;

/**
 * Base64 decoding as GLib's {@code g_base64_decode_inplace} does it, which is what tshark uses for
 * AUTH parameters: characters outside the alphabet are skipped, decoding stops at the first
 * {@code =}, and a trailing partial group is dropped. Never throws.
 */
final class Base64Text {
    private Base64Text() {
    }

    private static int rank(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }

    /** The decoded octets (possibly empty). */
    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4 + 1);
        int acc = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                break;
            }
            int r = rank(c);
            if (r < 0) {
                continue;
            }
            acc = (acc << 6) | r;
            n++;
            if (n == 4) {
                out.write((acc >> 16) & 0xff);
                out.write((acc >> 8) & 0xff);
                out.write(acc & 0xff);
                acc = 0;
                n = 0;
            }
        }
        if (n == 2) {
            out.write((acc >> 4) & 0xff);
        } else if (n == 3) {
            out.write((acc >> 10) & 0xff);
            out.write((acc >> 2) & 0xff);
        }
        return out.toByteArray();
    }
}
