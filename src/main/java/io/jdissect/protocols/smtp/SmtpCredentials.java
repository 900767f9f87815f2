package io.jdissect.protocols.smtp;

import io.jdissect.api.Packet;
import io.jdissect.api.PacketInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries tshark's "credentials" tap gets from SMTP ({@code -z credentials}): one per AUTH LOGIN
 * password line (username from its earlier line, info "Username in packet N") and one per AUTH
 * PLAIN blob when {@code smtp.decryption} is on — the same frames and values as tshark 4.0.
 * Decoded credentials are always in the packet's {@code smtp.x.auth.*} fields as well.
 */
public final class SmtpCredentials {
    /** One tap entry: the frame, the username, the frame that carried it, and tshark's info text. */
    public record Credential(long frame, String protocol, String username, long usernameFrame, String info) {
    }

    private final List<Credential> entries = new ArrayList<>(1);

    private SmtpCredentials() {
    }

    /** The credentials SMTP reported in this packet (usually none). */
    public static List<Credential> of(Packet packet) {
        SmtpCredentials c = packet.info().get(SmtpCredentials.class);
        return c == null ? List.of() : List.copyOf(c.entries);
    }

    static void report(PacketInfo pinfo, String username, long usernameFrame, String info) {
        SmtpCredentials c = pinfo.get(SmtpCredentials.class);
        if (c == null) {
            c = new SmtpCredentials();
            pinfo.put(SmtpCredentials.class, c);
        }
        c.entries.add(new Credential(pinfo.frameNumber(), "SMTP", username, usernameFrame, info));
    }
}
