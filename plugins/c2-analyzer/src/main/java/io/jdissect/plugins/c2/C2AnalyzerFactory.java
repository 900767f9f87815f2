package io.jdissect.plugins.c2;

import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;

/** {@code -z c2[,key=value,...]}: the C2-over-SMTP analyzer (listed in META-INF/services). */
public final class C2AnalyzerFactory implements AnalyzerFactory {
    @Override
    public String name() {
        return "c2";
    }

    @Override
    public String description() {
        return "SMTP used for command and control (MITRE ATT&CK T1071.003)";
    }

    @Override
    public Analyzer create(String args) {
        return new C2Analyzer(C2Options.parse(args));
    }
}
