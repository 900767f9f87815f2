package io.jdissect.plugins.c2;

import io.jdissect.api.Endpoint;
import io.jdissect.api.Packet;
import io.jdissect.api.TreeItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules that follow the commands and replies of one SMTP session (one TCP stream), read from
 * the fields of its packets in order:
 * <ul>
 * <li>{@code nonstandard-port}: SMTP is dissected towards a server port not in the list of
 *     ordinary ones (it was decoded as SMTP with {@code -d} or by a heuristic);</li>
 * <li>{@code starttls-not-used}: the server offered STARTTLS (a {@code 250} reply line
 *     {@code STARTTLS}, RFC 3207 4) and the client went on to MAIL or AUTH without asking for it;</li>
 * <li>{@code cleartext-credentials}: AUTH with a mechanism that carries the secret itself (PLAIN,
 *     LOGIN, XOAUTH2, OAUTHBEARER) outside TLS — jdissect stops reading at a 220 reply to
 *     STARTTLS, so every AUTH it sees was sent in clear text. One finding per attempt, when the
 *     server answers it (high if accepted with 235) or when the session ends.</li>
 * </ul>
 */
final class SmtpStreamRules {
    private static final Set<String> CLEARTEXT_MECHANISMS = Set.of("PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER");

    private final long stream;
    private final C2Options options;
    private final Consumer<Finding> findings;
    private String client;
    private String server;
    private Evidence starttlsOffer;
    private boolean starttlsSent;
    private boolean starttlsReported;
    private AuthAttempt auth;

    /** An AUTH exchange in progress: its mechanism and the evidence gathered so far. */
    private static final class AuthAttempt {
        final String mechanism;
        final List<Evidence> evidence = new ArrayList<>(6);
        String username;
        boolean secretSeen;

        AuthAttempt(String mechanism) {
            this.mechanism = mechanism;
        }
    }

    SmtpStreamRules(long stream, C2Options options, Consumer<Finding> findings) {
        this.stream = stream;
        this.options = options;
        this.findings = findings;
    }

    /** Reads one packet of the stream that carries SMTP. */
    void packet(Packet p) {
        long frame = p.number();
        boolean fromServer = p.has("smtp.rsp");
        if (client == null) {
            endpoints(p, fromServer);
        }
        if (fromServer) {
            replies(p, frame);
        } else {
            commands(p, frame);
        }
    }

    /** The session ended: an AUTH attempt never answered is still reported. */
    void close() {
        if (auth != null) {
            reportAuth("no reply was seen", false);
        }
    }

    private void endpoints(Packet p, boolean fromServer) {
        String src = new Endpoint(p.info().netSrc(), p.info().srcPort()).toString();
        String dst = new Endpoint(p.info().netDst(), p.info().dstPort()).toString();
        client = fromServer ? dst : src;
        server = fromServer ? src : dst;
        int serverPort = fromServer ? p.info().srcPort() : p.info().dstPort();
        if (!options.standardPort(serverPort)) {
            List<Evidence> evidence = new ArrayList<>(2);
            evidence.add(new Evidence(p.number(), fromServer ? "tcp.srcport" : "tcp.dstport", Integer.toString(serverPort)));
            TreeItem smtp = p.first(fromServer ? "smtp.response.code" : "smtp.x.verb");
            if (smtp != null) {
                evidence.add(new Evidence(p.number(), smtp.def().abbrev(), String.valueOf(smtp.value())));
            }
            findings.accept(new Finding("nonstandard-port", Severity.LOW, stream, client, server, evidence,
                    "SMTP on TCP port " + serverPort + ", not one of the ordinary mail ports"));
        }
    }

    private void replies(Packet p, long frame) {
        List<TreeItem> codes = p.fields("smtp.response.code");
        for (TreeItem param : p.fields("smtp.rsp.parameter")) {
            if (starttlsOffer == null && FieldText.of(param).trim().equalsIgnoreCase("STARTTLS")
                    && !codes.isEmpty() && codes.get(0).longValue() == 250) {
                starttlsOffer = new Evidence(frame, "smtp.rsp.parameter", FieldText.of(param));
            }
        }
        if (auth == null) {
            return;
        }
        for (TreeItem code : codes) {
            long c = code.longValue();
            if (c == 334) {
                continue; // the server asks for the next step (RFC 4954 4)
            }
            auth.evidence.add(new Evidence(frame, "smtp.response.code", Long.toString(c)));
            reportAuth(c == 235 ? "accepted (235)" : "refused (" + c + ")", c == 235);
            return;
        }
    }

    private void commands(Packet p, long frame) {
        for (TreeItem verb : p.fields("smtp.x.verb")) {
            String v = FieldText.of(verb).toUpperCase(Locale.ROOT);
            if (v.equals("STARTTLS")) {
                starttlsSent = true;
            } else if (v.equals("MAIL") || v.equals("AUTH")) {
                starttlsUnused(frame, v);
                if (v.equals("AUTH")) {
                    authCommand(p, frame);
                }
            }
        }
        if (auth != null) {
            credentials(p, frame);
        }
    }

    private void starttlsUnused(long frame, String verb) {
        if (starttlsOffer == null || starttlsSent || starttlsReported) {
            return;
        }
        starttlsReported = true;
        // Opportunistic TLS left unused is common between old MTAs; before AUTH it exposes credentials.
        Severity severity = verb.equals("AUTH") ? Severity.LOW : Severity.INFO;
        findings.accept(new Finding("starttls-not-used", severity, stream, client, server,
                List.of(starttlsOffer, new Evidence(frame, "smtp.x.verb", verb)),
                "the server offered STARTTLS (frame " + starttlsOffer.frame() + ") but the client sent " + verb
                        + " in clear text"));
    }

    private void authCommand(Packet p, long frame) {
        TreeItem mechanism = p.first("smtp.x.auth.mechanism");
        String m = mechanism == null ? "" : FieldText.of(mechanism).toUpperCase(Locale.ROOT);
        if (auth != null) {
            reportAuth("abandoned for a new AUTH", false);
        }
        if (!CLEARTEXT_MECHANISMS.contains(m)) {
            return;
        }
        auth = new AuthAttempt(m);
        auth.evidence.add(new Evidence(frame, "smtp.x.verb", "AUTH"));
        auth.evidence.add(new Evidence(frame, "smtp.x.auth.mechanism", m));
    }

    /** The credentials of the attempt, where this frame carries them (with the AUTH line or after a 334). */
    private void credentials(Packet p, long frame) {
        TreeItem user = p.first("smtp.x.auth.username");
        if (user != null) {
            auth.username = FieldText.of(user);
            auth.secretSeen = true;
            auth.evidence.add(new Evidence(frame, "smtp.x.auth.username", FieldText.of(user)));
        }
        TreeItem password = p.first("smtp.x.auth.password");
        if (password != null) {
            auth.secretSeen = true;
            String value = FieldText.of(password);
            auth.evidence.add(new Evidence(frame, "smtp.x.auth.password",
                    options.showPasswords() ? value : "(" + value.length() + " characters, not shown)"));
        }
    }

    /** Accepted credentials are high; credentials seen but refused or unanswered medium; none seen low. */
    private void reportAuth(String outcome, boolean accepted) {
        String who = auth.username == null ? "" : " for \"" + auth.username + "\"";
        Severity severity = accepted ? Severity.HIGH : auth.secretSeen ? Severity.MEDIUM : Severity.LOW;
        String what = auth.secretSeen ? " sent in clear text, " : " begun in clear text (no credentials seen), ";
        findings.accept(new Finding("cleartext-credentials", severity, stream, client, server, auth.evidence,
                "AUTH " + auth.mechanism + who + what + outcome));
        auth = null;
    }
}
