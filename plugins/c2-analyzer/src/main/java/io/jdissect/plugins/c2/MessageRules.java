package io.jdissect.plugins.c2;

import io.jdissect.api.Endpoint;
import io.jdissect.api.Packet;
import io.jdissect.api.TreeItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The rules that look at a message, on the frame where SMTP handed it to IMF (the client's end of
 * DATA or last BDAT chunk), from the fields jdissect's IMF and MIME dissectors give:
 * <ul>
 * <li>{@code high-entropy-subject}: a random-looking token in the decoded subject
 *     ({@code imf.x.subject}, else {@code imf.subject});</li>
 * <li>{@code high-entropy-attachment-name}: a random-looking token in an attachment's decoded
 *     file name ({@code mime_multipart.x.filename});</li>
 * <li>{@code encoded-header}: a base64 or hex blob in an {@code X-} header field (decoded value of
 *     {@code imf.x.header}), headers of the ignore list aside;</li>
 * <li>{@code encoded-body}: a blob in a body part that does not declare base64 ({@link MessageBodies}).</li>
 * </ul>
 */
final class MessageRules {
    /** Longest header value quoted in evidence; a blob is long, the finding needs only its start. */
    static final int MAX_QUOTED = 200;

    private final C2Options options;
    private final RandomTokens tokens;

    MessageRules(C2Options options) {
        this.options = options;
        this.tokens = new RandomTokens(options.minLength(), options.entropy());
    }

    /** Checks the message of {@code p} (a frame with an {@code imf} layer) of TCP stream {@code stream}. */
    void message(Packet p, long stream, Consumer<Finding> findings) {
        long frame = p.number();
        String client = new Endpoint(p.info().netSrc(), p.info().srcPort()).toString();
        String server = new Endpoint(p.info().netDst(), p.info().dstPort()).toString();
        Consumer<Draft> report = d -> findings.accept(
                new Finding(d.rule, d.severity, stream, client, server, d.evidence, d.message));
        subject(p, frame, report);
        for (TreeItem name : p.fields("mime_multipart.x.filename")) {
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence(frame, "mime_multipart.x.filename", FieldText.of(name)));
            if (randomTokens(FieldText.of(name), frame, evidence)) {
                report.accept(new Draft("high-entropy-attachment-name", Severity.LOW, evidence,
                        "attachment name \"" + FieldText.of(name) + "\" holds a random-looking token"));
            }
        }
        for (TreeItem header : p.fields("imf.x.header")) {
            header(header, frame, report);
        }
        body(p, frame, report);
    }

    /** A finding before its endpoints are added. */
    private record Draft(String rule, Severity severity, List<Evidence> evidence, String message) {
    }

    private void subject(Packet p, long frame, Consumer<Draft> report) {
        TreeItem raw = p.first("imf.subject");
        TreeItem decoded = p.first("imf.x.subject");
        if (raw == null && decoded == null) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>();
        if (raw != null) {
            evidence.add(new Evidence(frame, "imf.subject", FieldText.of(raw)));
        }
        String text = decoded != null ? FieldText.of(decoded) : FieldText.of(raw);
        if (decoded != null && (raw == null || !FieldText.of(decoded).equals(FieldText.of(raw)))) {
            evidence.add(new Evidence(frame, "imf.x.subject", text));
        }
        if (randomTokens(text, frame, evidence)) {
            report.accept(new Draft("high-entropy-subject", Severity.MEDIUM, evidence,
                    "subject \"" + quoted(text) + "\" holds a random-looking token"));
        }
    }

    /** Adds the evidence of each random-looking token of {@code text}; true when there is one. */
    private boolean randomTokens(String text, long frame, List<Evidence> evidence) {
        List<RandomTokens.Token> found = tokens.find(text);
        for (RandomTokens.Token t : found) {
            evidence.add(new Evidence(frame, "c2.token", t.text()));
            evidence.add(new Evidence(frame, "c2.entropy", String.format(Locale.ROOT, "%.3f", t.entropy())));
            evidence.add(new Evidence(frame, "c2.looks_like", t.looksLike()));
        }
        return !found.isEmpty();
    }

    private void header(TreeItem header, long frame, Consumer<Draft> report) {
        TreeItem nameItem = header.find("imf.x.header.name").stream().findFirst().orElse(null);
        if (nameItem == null) {
            return;
        }
        String name = FieldText.of(nameItem);
        if (!name.regionMatches(true, 0, "X-", 0, 2) || options.ignored(name)) {
            return;
        }
        String value = FieldText.of(header);
        List<EncodedRuns.Run> runs = EncodedRuns.find(value, options.headerBlob());
        if (runs.isEmpty()) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence(frame, "imf.x.header.name", name));
        evidence.add(new Evidence(frame, "imf.x.header", quoted(value)));
        runs.forEach(r -> blob(r, frame, evidence));
        report.accept(new Draft("encoded-header", Severity.MEDIUM, evidence,
                "header " + name + " carries " + describe(runs)));
    }

    private void body(Packet p, long frame, Consumer<Draft> report) {
        TreeItem imf = p.first("imf");
        List<MessageBodies.BodyBlob> blobs = MessageBodies.find(imf.itemBytes(), options.bodyBlob());
        if (blobs.isEmpty()) {
            return;
        }
        List<Evidence> evidence = new ArrayList<>();
        List<EncodedRuns.Run> runs = new ArrayList<>();
        for (MessageBodies.BodyBlob b : blobs) {
            evidence.add(new Evidence(frame, "c2.content_type", b.contentType()));
            evidence.add(new Evidence(frame, "c2.offset", Integer.toString(b.offset())));
            blob(b.run(), frame, evidence);
            runs.add(b.run());
        }
        report.accept(new Draft("encoded-body", Severity.MEDIUM, evidence,
                "message body carries " + describe(runs) + " not declared as base64"));
    }

    private static void blob(EncodedRuns.Run r, long frame, List<Evidence> evidence) {
        evidence.add(new Evidence(frame, "c2.encoding", r.encoding()));
        evidence.add(new Evidence(frame, "c2.length", Integer.toString(r.text().length())));
        evidence.add(new Evidence(frame, "c2.decoded_preview", r.decodedPreview()));
    }

    private static String describe(List<EncodedRuns.Run> runs) {
        EncodedRuns.Run first = runs.get(0);
        String more = runs.size() > 1 ? " and " + (runs.size() - 1) + " more" : "";
        return "a " + first.text().length() + "-character " + first.encoding() + " blob" + more;
    }

    private static String quoted(String s) {
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "…";
    }
}
