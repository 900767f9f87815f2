package io.jdissect.cli.plugin;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;

import java.io.IOException;
import java.io.PrintWriter;

/** A test analyzer plugin: {@code -z test,frames} counts the packets it saw. */
public final class FrameCountAnalyzerFactory implements AnalyzerFactory {
    @Override
    public String name() {
        return "test,frames";
    }

    @Override
    public Analyzer create(String args) {
        return new Analyzer() {
            long frames;

            @Override
            public void packet(Packet packet) {
                frames++;
            }

            @Override
            public Report report() {
                return new Report() {
                    @Override
                    public void text(PrintWriter out) {
                        out.print("frames: " + frames + "\n");
                    }

                    @Override
                    public void json(JsonGenerator json) throws IOException {
                        json.writeNumber(frames);
                    }
                };
            }
        };
    }
}
