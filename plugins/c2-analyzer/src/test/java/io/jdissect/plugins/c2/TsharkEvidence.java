package io.jdissect.plugins.c2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks a finding's evidence against tshark's stored {@code -T fields} output (all occurrences,
 * joined by ","): every field jdissect names must show the same value in tshark on the same frame,
 * through tshark's own field where jdissect's is a decoded form of it. Only the analyzer's
 * measurements ({@code c2.*}) and the decoded subject are not tshark's to check.
 */
final class TsharkEvidence {
    /**
     * Evidence from jdissect's own fields where tshark's state machine reads the frame otherwise:
     * tshark shows this client segment (MAIL, RCPT, BDAT pipelined after EHLO) as a DATA fragment
     * and finds no command in it; jdissect's session reads the commands (smtp.x.verb).
     */
    private static final Map<String, String> KNOWN = Map.of(
            "zeek__smtp-bdat-pipeline-8bitmime.pcap 9 smtp.x.verb", "MAIL");

    private TsharkEvidence() {
    }

    static void check(String capture, Finding f, Map<Long, Map<String, String>> tshark) {
        for (Evidence e : f.evidence()) {
            if (e.field().startsWith("c2.") || e.field().equals("imf.x.subject")) {
                continue;
            }
            if (e.value().equals(KNOWN.get(capture + " " + e.frame() + " " + e.field()))) {
                continue;
            }
            Map<String, String> frame = tshark.get(e.frame());
            assertNotNull(frame, "frame " + e.frame() + " not in tshark's output");
            String where = capture + ", " + f.rule() + ": frame " + e.frame() + " " + e.field() + " = " + e.value();
            assertTrue(matches(e, frame), where + " but tshark shows " + frame.entrySet().stream()
                    .filter(x -> x.getKey().startsWith(e.field().split("\\.")[0]) && !x.getValue().isEmpty()).toList());
        }
    }

    private static boolean matches(Evidence e, Map<String, String> frame) {
        String v = e.value();
        switch (e.field()) {
            case "smtp.x.verb":
                // tshark's command is the first four characters as sent (RFC 5321 verbs are case-insensitive)
                return Arrays.stream(frame.get("smtp.req.command").split(","))
                        .anyMatch(c -> c.equalsIgnoreCase(v.substring(0, Math.min(4, v.length()))));
            case "smtp.x.auth.mechanism":
                return frame.get("smtp.req.parameter").toUpperCase().startsWith(v);
            case "smtp.x.auth.username":
                return forms(frame.get("smtp.auth.username")).contains(v)
                        || decoded(frame.get("smtp.auth.username_password")).contains("\0" + v + "\0");
            case "smtp.x.auth.password":
                int n = Integer.parseInt(v.replaceAll("\\D", ""));
                String plain = decoded(frame.get("smtp.auth.username_password"));
                return forms(frame.get("smtp.auth.password")).stream().anyMatch(p -> !p.isEmpty() && p.length() == n)
                        || !plain.isEmpty() && plain.length() - plain.lastIndexOf('\0') - 1 == n;
            case "imf.x.header.name":
                return element(frame.get("imf.extension.type"), v);
            case "imf.x.header":
                String raw = frame.get("imf.extension.value").replaceAll("\\s", "");
                return raw.contains(v.replace("…", "").replaceAll("\\s", ""));
            case "mime_multipart.x.filename":
                // RFC 2231 continuations (filename*0=…;filename*1=…) joined as the decoded name is
                return frame.get("mime_multipart.header.content-disposition")
                        .replaceAll(";filename\\*\\d+\\*?=", "").contains(v);
            default:
                String value = frame.get(e.field());
                if (value == null) {
                    fail("tshark's output has no column " + e.field());
                }
                return value.equals(v) || element(value, v);
        }
    }

    private static boolean element(String joined, String v) {
        return Arrays.asList(joined.split(",")).contains(v);
    }

    /** tshark's AUTH value as shown (decoded with smtp.decryption) and base64-decoded (without). */
    private static List<String> forms(String value) {
        return List.of(value == null ? "" : value, decoded(value));
    }

    private static String decoded(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return value;
        }
    }
}
