package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.protocols.smtp.SmtpCredentials;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -z credentials}: the credentials the dissectors reported, in tshark 4.0's layout
 * (ui/cli/tap-credentials.c: columns padded to 10 and 16 characters, long values just overflow).
 */
public final class Credentials implements Analyzer {
    private static final String RULE = "=".repeat(67);

    private final List<SmtpCredentials.Credential> credentials = new ArrayList<>();

    @Override
    public void packet(Packet packet) {
        credentials.addAll(SmtpCredentials.of(packet));
    }

    @Override
    public Report report() {
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                out.print(RULE + "\n");
                out.print(String.format("%-10s %-16s %-16s %-16s\n", "Packet", "Protocol", "Username", "Info"));
                out.print("------     --------         --------         --------\n");
                for (SmtpCredentials.Credential c : credentials) {
                    out.print(String.format("%-10d %-16s %-16s %-16s\n", c.frame(), c.protocol(), c.username(),
                            c.info() == null ? "" : c.info()));
                }
                out.print(RULE + "\n");
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartArray();
                for (SmtpCredentials.Credential c : credentials) {
                    g.writeStartObject();
                    g.writeNumberField("packet", c.frame());
                    g.writeStringField("protocol", c.protocol());
                    g.writeStringField("username", c.username());
                    g.writeNumberField("username_packet", c.usernameFrame());
                    g.writeStringField("info", c.info());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        };
    }

    /** Makes {@code credentials} analyzers. */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "credentials";
        }

        @Override
        public String description() {
            return "credentials seen (tshark's layout)";
        }

        @Override
        public Analyzer create(String args) {
            Layers.noArguments(name(), args);
            return new Credentials();
        }
    }
}
