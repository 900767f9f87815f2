package io.jdissect.cli;

import io.jdissect.api.Packet;
import io.jdissect.protocols.smtp.SmtpCredentials;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -z credentials}: the credentials the dissectors reported, in tshark 4.0's layout
 * (ui/cli/tap-credentials.c: columns padded to 10 and 16 characters, long values just overflow).
 */
final class CredentialsTap implements StatisticsTap {
    private static final String RULE = "=".repeat(67);

    private final List<SmtpCredentials.Credential> credentials = new ArrayList<>();

    @Override
    public void accept(Packet packet) {
        credentials.addAll(SmtpCredentials.of(packet));
    }

    @Override
    public void report(PrintWriter out) {
        out.print(RULE + "\n");
        out.print(String.format("%-10s %-16s %-16s %-16s\n", "Packet", "Protocol", "Username", "Info"));
        out.print("------     --------         --------         --------\n");
        for (SmtpCredentials.Credential c : credentials) {
            out.print(String.format("%-10d %-16s %-16s %-16s\n", c.frame(), c.protocol(), c.username(),
                    c.info() == null ? "" : c.info()));
        }
        out.print(RULE + "\n");
    }
}
