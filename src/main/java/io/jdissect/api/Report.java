package io.jdissect.api;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;

/** What an {@link Analyzer} found, as text (for people; tshark's layout for tshark's taps) and as JSON. */
public interface Report {
    /** Writes the text report; lines end with {@code \n}. */
    void text(PrintWriter out);

    /** Writes the report as one JSON value (usually an object) with the generator. */
    void json(JsonGenerator json) throws IOException;
}
