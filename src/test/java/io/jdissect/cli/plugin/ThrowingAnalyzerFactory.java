package io.jdissect.cli.plugin;

import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;

/** A test analyzer plugin: {@code -z test,throws} fails on the second packet. */
public final class ThrowingAnalyzerFactory implements AnalyzerFactory {
    @Override
    public String name() {
        return "test,throws";
    }

    @Override
    public Analyzer create(String args) {
        return new Analyzer() {
            int seen;

            @Override
            public void packet(Packet packet) {
                if (++seen == 2) {
                    throw new IllegalStateException("broken on purpose");
                }
            }

            @Override
            public Report report() {
                throw new IllegalStateException("never asked");
            }
        };
    }
}
