package io.jdissect.cli.plugin;

import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;

/** A test analyzer plugin whose factory fails: {@code -z test,fails} must be named and left out, the capture read. */
public final class FailingAnalyzerFactory implements AnalyzerFactory {
    @Override
    public String name() {
        return "test,fails";
    }

    @Override
    public Analyzer create(String args) {
        throw new IllegalStateException("cannot create on purpose");
    }
}
