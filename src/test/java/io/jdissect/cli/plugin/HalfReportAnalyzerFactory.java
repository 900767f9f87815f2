package io.jdissect.cli.plugin;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.Report;

import java.io.IOException;
import java.io.PrintWriter;

/** A test analyzer plugin ({@code -z test,half}) whose report fails half-way through its text and its JSON. */
public final class HalfReportAnalyzerFactory implements AnalyzerFactory {
    @Override
    public String name() {
        return "test,half";
    }

    @Override
    public Analyzer create(String args) {
        return new Analyzer() {
            @Override
            public Report report() {
                return new Report() {
                    @Override
                    public void text(PrintWriter out) {
                        out.print("half a line");
                        throw new IllegalStateException("text half-way on purpose");
                    }

                    @Override
                    public void json(JsonGenerator json) throws IOException {
                        json.writeStartObject();
                        json.writeNumberField("half", 1);
                        throw new IllegalStateException("json half-way on purpose");
                    }
                };
            }
        };
    }
}
