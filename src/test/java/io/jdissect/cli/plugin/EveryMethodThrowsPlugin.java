package io.jdissect.cli.plugin;

import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.DissectorRegistry;
import io.jdissect.api.ProtocolPlugin;

/**
 * A protocol plugin and analyzer factory at once whose every method throws, {@code name()}
 * included, each with another kind of throwable: jdissect must name it by its class and jar, leave
 * it out, and read the capture as without it. Listed in both service files of the test jar.
 */
public final class EveryMethodThrowsPlugin implements ProtocolPlugin, AnalyzerFactory {
    @Override
    public String name() {
        throw new IllegalStateException("no name on purpose");
    }

    @Override
    public String description() {
        throw new IllegalStateException("no description on purpose");
    }

    @Override
    public void register(DissectorRegistry registry) {
        throw new AssertionError("register on purpose");
    }

    @Override
    public void handoff(DissectorRegistry registry) {
        throw new StackOverflowError("handoff on purpose");
    }

    @Override
    public Analyzer create(String args) {
        throw new UnsupportedOperationException("create on purpose");
    }
}
