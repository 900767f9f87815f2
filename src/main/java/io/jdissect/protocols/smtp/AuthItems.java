package io.jdissect.protocols.smtp;

import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.text.TextFormat;

import java.util.List;

/**
 * AUTH credential items (fields.md 1.7): tshark's {@code smtp.auth.*} — base64 text unless
 * {@code smtp.decryption} is on — plus our {@code smtp.x.auth.*} fields, always decoded.
 */
final class AuthItems {
    private final SmtpFields f;
    private final SmtpPreferences prefs;

    AuthItems(SmtpFields f, SmtpPreferences prefs) {
        this.f = f;
        this.prefs = prefs;
    }

    /** The text tshark shows for a base64 value: decoded when the preference says so and it decodes. */
    private String shown(String raw) {
        if (prefs.decodeAuth()) {
            byte[] d = AuthText.decodeOrNull(raw);
            if (d != null) {
                return AuthText.text(d);
            }
        }
        return raw;
    }

    /** Our decoded value, or null when the text is not base64 at all. */
    private static String decoded(String raw) {
        byte[] d = AuthText.decodeOrNull(raw);
        return d == null ? null : AuthText.text(d);
    }

    /** An AUTH LOGIN username or password line (the client's answer to a 334). */
    void loginLine(Tvb tvb, PacketInfo pinfo, TreeItem smtp, int offset, int len, boolean isUser, TsharkSession s) {
        String raw = tvb.ascii(offset, len);
        String value = shown(raw);
        if (isUser && s.username == null) {
            s.username = value;
        }
        smtp.add(isUser ? f.username : f.password, tvb, offset, len, value);
        pinfo.columns().appendInfo((isUser ? "User: " : "Pass: ") + TextFormat.of(value));
        if (!isUser) {
            SmtpCredentials.report(pinfo, s.username, s.usernameFrame, "Username in packet " + s.usernameFrame);
        }
        String mine = decoded(raw);
        if (mine != null) {
            smtp.add(isUser ? f.authUsername : f.authPassword, tvb, offset, len, mine).generated();
        }
    }

    /** {@code AUTH LOGIN <base64 username>}: the username from offset 11 of the line. */
    void loginInline(Tvb tvb, PacketInfo pinfo, TreeItem line, int offset, int len) {
        if (len < 11) {
            return;
        }
        String raw = tvb.ascii(offset + 11, len - 11);
        String value = shown(raw);
        line.add(f.username, tvb, offset + 11, len - 11, value);
        pinfo.columns().appendInfo(TextFormat.of(tvb, offset, 11) + "User: " + TextFormat.of(value));
        String mine = decoded(raw);
        if (mine != null) {
            line.add(f.authUsername, tvb, offset + 11, len - 11, mine).generated();
        }
    }

    /** The client's NTLM answer: shown raw as a command line (its NTLMSSP decoding is not ours). */
    void ntlmLine(Tvb tvb, PacketInfo pinfo, TreeItem smtp, int offset, int len) {
        String raw = tvb.ascii(offset, len);
        if (prefs.decodeAuth() && AuthText.decodeOrNull(raw) != null) {
            return;
        }
        pinfo.columns().appendInfo(TextFormat.of(raw));
        smtp.add(f.commandLine, tvb, offset, len, raw);
    }

    /** tshark's decode_plain_auth: a SASL PLAIN blob (inline after "AUTH PLAIN " or on its own line). */
    void plain(Tvb tvb, PacketInfo pinfo, TreeItem tree, int offset, int len) {
        String raw = tvb.ascii(offset, len);
        byte[] d = AuthText.decodeOrNull(raw);
        if (prefs.decodeAuth()) {
            List<String> parts = d == null ? List.of() : AuthText.plainFields(d);
            if (parts.size() >= 2) {
                tree.add(f.username, tvb, offset, len, parts.get(1));
                pinfo.columns().appendInfo("User: " + TextFormat.of(parts.get(1)));
                if (parts.size() >= 3) {
                    tree.add(f.password, tvb, offset, parts.get(2).length(), parts.get(2));
                    pinfo.columns().appendInfo("  Pass: " + TextFormat.of(parts.get(2)));
                    SmtpCredentials.report(pinfo, TextFormat.of(parts.get(1)), pinfo.frameNumber(), null);
                }
            }
        } else {
            TreeItem item = tree.add(f.usernamePassword, tvb, offset, len, raw);
            pinfo.registry().expert().add(item, f.base64Decode, tvb, offset, len);
            pinfo.columns().appendInfo(TextFormat.of(raw));
        }
        if (d != null) {
            List<String> parts = AuthText.plainFields(d);
            if (!parts.isEmpty() && !parts.get(0).isEmpty()) {
                tree.add(f.authAuthzid, tvb, offset, len, parts.get(0)).generated();
            }
            if (parts.size() >= 2) {
                tree.add(f.authUsername, tvb, offset, len, parts.get(1)).generated();
            }
            if (parts.size() >= 3) {
                tree.add(f.authPassword, tvb, offset, len, parts.get(2)).generated();
            }
        }
    }
}
