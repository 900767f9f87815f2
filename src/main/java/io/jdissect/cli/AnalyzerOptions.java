package io.jdissect.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.jdissect.analysis.ExpertInfos;
import io.jdissect.analysis.ProtocolHierarchy;
import io.jdissect.api.Analysis;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Report;
import io.jdissect.engine.PluginFailures;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code -z NAME[,ARGS]} and {@code --report-format}: the analyzers of a run and the printing of their reports. */
final class AnalyzerOptions {
    /** Made on first use: most runs have no analyzer, and Jackson's classes are loaded with it. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }
    private static final List<String> REPORT_FORMATS = List.of("text", "json");

    private AnalyzerOptions() {
    }

    /**
     * The analyzers of the {@code -z} arguments, from the built-ins and the plugin jars of {@code loader};
     * an unknown name gives tshark's message (exit 1), bad arguments (a tap filter that does not
     * compile against {@code fields}) the analyzer's message, exit 1 as tshark.
     */
    static Analysis analysis(CliOptions o, ClassLoader loader, FieldRegistry fields, Consumer<String> messages) {
        if (!REPORT_FORMATS.contains(o.reportFormat)) {
            throw new Main.UsageException(Main.BAD_ARGUMENTS, "Invalid --report-format \"" + o.reportFormat
                    + "\"; it must be one of: " + String.join(", ", REPORT_FORMATS));
        }
        Analysis analysis = new Analysis(messages);
        if (o.statistics.isEmpty()) {
            return analysis;
        }
        Map<String, AnalyzerFactory> factories = Analysis.factories(loader, messages);
        for (String spec : o.statistics) {
            String name = Analysis.factoryNameFor(spec, factories);
            if (name == null) {
                throw new Main.UsageException(Main.BAD_ARGUMENTS, "Invalid -z argument \"" + spec
                        + "\"; it must be one of:\n     " + String.join("\n     ", factories.keySet()));
            }
            Analyzer a;
            try {
                a = factories.get(name).create(Analysis.argumentsOf(spec, name), fields);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(Main.BAD_ARGUMENTS, e.getMessage());
            } catch (Throwable e) {
                if (!PluginFailures.containable(e)) {
                    throw e;
                }
                // the factory's own failure, not the user's arguments: the capture is read without it
                messages.accept("jdissect: analyzer \"" + name + "\" could not be created and is disabled: " + e);
                continue;
            }
            if (a == null) {
                messages.accept("jdissect: analyzer \"" + name + "\" could not be created and is disabled: it made none");
                continue;
            }
            if (a instanceof ProtocolHierarchy phs) {
                // tshark shows the frame level only when it builds the whole tree
                phs.showFrame(o.displayFilter != null || o.details || o.expandOnly != null || !o.format.equals("text"));
            }
            if (a instanceof ExpertInfos expert) {
                expert.tsharkOnly(o.tsharkOnly);
            }
            analysis.add(spec, a);
        }
        return analysis;
    }

    /**
     * Prints the reports after the packets: as text in tshark's order (the last {@code -z} first),
     * or as one JSON array of {@code {"analyzer": NAME, "report": …}} in the order given.
     */
    static void printReports(Analysis analysis, String format, OutputStream stdout, Consumer<String> messages) throws IOException {
        List<String> names = new ArrayList<>(analysis.analyzers().keySet());
        if (names.isEmpty()) {
            return;
        }
        if (format.equals("json")) {
            JsonGenerator g = Json.FACTORY.createGenerator(stdout).useDefaultPrettyPrinter();
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            for (String name : names) {
                Report r = analysis.report(name);
                String json = r == null ? null : renderJson(name, r, messages);
                if (json != null) {
                    g.writeStartObject();
                    g.writeStringField("analyzer", name);
                    g.writeFieldName("report");
                    try (JsonParser p = Json.FACTORY.createParser(json)) {
                        p.nextToken();
                        g.copyCurrentStructure(p);
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeRaw('\n');
            g.close();
            return;
        }
        Collections.reverse(names);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        for (String name : names) {
            Report r = analysis.report(name);
            if (r != null) {
                // rendered whole first, so that a report failing half-way prints nothing of itself
                StringWriter text = new StringWriter();
                try {
                    r.text(new PrintWriter(text));
                } catch (Throwable e) {
                    if (!PluginFailures.containable(e)) {
                        throw e;
                    }
                    messages.accept("jdissect: analyzer \"" + name + "\" failed and was disabled: " + e);
                    continue;
                }
                w.print(text);
            }
        }
        w.flush();
    }

    /**
     * A report's JSON rendered whole first (compact; the caller re-indents it), so that a report
     * failing half-way, or writing something that is not one JSON value, leaves the array valid:
     * null after naming the analyzer.
     */
    private static String renderJson(String name, Report r, Consumer<String> messages) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(text)) {
            r.json(g);
            g.flush();
            if (g.getOutputContext().inRoot() && text.getBuffer().length() > 0) {
                return text.toString();
            }
            messages.accept("jdissect: analyzer \"" + name + "\" failed and was disabled: its JSON report is not one complete value");
            return null;
        } catch (Throwable e) {
            if (!PluginFailures.containable(e)) {
                throw (VirtualMachineError) e;
            }
            messages.accept("jdissect: analyzer \"" + name + "\" failed and was disabled: " + e);
            return null;
        }
    }
}
