package io.jdissect.plugins.c2;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * One suspicious use of SMTP: the rule that found it, its severity, the TCP stream and endpoints,
 * the frames involved, the evidence, and a sentence for people. Every finding is of MITRE ATT&CK
 * technique T1071.003 (Application Layer Protocol: Mail Protocols).
 *
 * @param stream the {@code tcp.stream}, -1 for findings over several streams (beaconing)
 */
record Finding(String rule, Severity severity, long stream, String client, String server, List<Evidence> evidence,
               String message) {
    static final String TECHNIQUE = "T1071.003";

    Finding {
        evidence = List.copyOf(evidence);
    }

    /** The frames of the evidence, ascending, each once. */
    List<Long> frames() {
        TreeSet<Long> frames = new TreeSet<>();
        evidence.forEach(e -> frames.add(e.frame()));
        return List.copyOf(frames);
    }

    /** Writes the finding as one JSON object (keys in a fixed order). */
    void json(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("technique", TECHNIQUE);
        json.writeStringField("rule", rule);
        json.writeStringField("severity", severity.label());
        if (stream >= 0) {
            json.writeNumberField("stream", stream);
        }
        json.writeStringField("client", client);
        json.writeStringField("server", server);
        json.writeArrayFieldStart("frames");
        for (long f : frames()) {
            json.writeNumber(f);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("evidence");
        for (Evidence e : evidence) {
            json.writeStartObject();
            json.writeNumberField("frame", e.frame());
            json.writeStringField("field", e.field());
            json.writeStringField("value", e.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("message", message);
        json.writeEndObject();
    }
}
