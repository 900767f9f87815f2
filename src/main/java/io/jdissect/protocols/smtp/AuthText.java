package io.jdissect.protocols.smtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** AUTH parameter decoding: tshark's conditions for trying base64, and SASL PLAIN's NUL-separated fields. */
final class AuthText {
    private AuthText() {
    }

    /**
     * The base64-decoded bytes as tshark takes them (only for text longer than one character, and
     * only when something decodes), or null.
     */
    static byte[] decodeOrNull(String text) {
        String c = cString(text);
        if (c.length() <= 1) {
            return null;
        }
        byte[] d = Base64Text.decode(c);
        return d.length == 0 ? null : d;
    }

    /** Text up to the first NUL, as a C string reads it. */
    static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** Decoded bytes as text (UTF-8, invalid sequences replaced), cut at the first NUL. */
    static String text(byte[] decoded) {
        return cString(new String(decoded, StandardCharsets.UTF_8));
    }

    /** RFC 4616 PLAIN message: authzid NUL authcid NUL passwd, as many fields as present. */
    static List<String> plainFields(byte[] decoded) {
        List<String> out = new ArrayList<>(3);
        int start = 0;
        for (int i = 0; i <= decoded.length && out.size() < 3; i++) {
            if (i == decoded.length || decoded[i] == 0) {
                out.add(new String(decoded, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }
}
