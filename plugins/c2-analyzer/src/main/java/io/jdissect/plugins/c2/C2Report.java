package io.jdissect.plugins.c2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The findings as text for people (one block per finding: severity, rule, stream, endpoints, the
 * message, then each piece of evidence), as JSON lines (one finding per line, with
 * {@code format=jsonl}), or as one JSON object ({@code {"technique", "findings": [...]}}).
 */
final class C2Report implements Report {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String RULE = "=".repeat(70);

    private final List<Finding> findings;
    private final long dropped;
    private final boolean jsonLines;

    C2Report(List<Finding> findings, long dropped, boolean jsonLines) {
        this.findings = List.copyOf(findings);
        this.dropped = dropped;
        this.jsonLines = jsonLines;
    }

    /** The findings in the order found (beaconing last: it is decided at the end of the capture). */
    List<Finding> findings() {
        return findings;
    }

    @Override
    public void text(PrintWriter out) {
        if (jsonLines) {
            findings.forEach(f -> out.print(jsonLine(f) + "\n"));
            return;
        }
        out.print(RULE + "\n");
        out.print("C2 over SMTP (MITRE ATT&CK " + Finding.TECHNIQUE + "): " + findings.size() + " finding"
                + (findings.size() == 1 ? "" : "s") + (dropped > 0 ? " (" + dropped + " more not kept)" : "") + "\n");
        for (Finding f : findings) {
            out.print("-".repeat(70) + "\n");
            out.print("[" + f.severity().label() + "] " + f.rule() + (f.stream() >= 0 ? "  tcp.stream " + f.stream() : "")
                    + "  " + f.client() + " -> " + f.server() + "\n");
            out.print("    " + f.message() + "\n");
            out.print("    frames " + f.frames().stream().map(String::valueOf).collect(Collectors.joining(",")) + "\n");
            for (Evidence e : f.evidence()) {
                out.print("    frame " + e.frame() + "  " + e.field() + " = " + e.value() + "\n");
            }
        }
        out.print(RULE + "\n");
    }

    @Override
    public void json(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("technique", Finding.TECHNIQUE);
        json.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            f.json(json);
        }
        json.writeEndArray();
        if (dropped > 0) {
            json.writeNumberField("not_kept", dropped);
        }
        json.writeEndObject();
    }

    private static String jsonLine(Finding f) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            f.json(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }
}
