package io.jdissect.protocols.smtp;

import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.text.TextFormat;

/**
 * tshark's items and Info for a server frame (fields.md 1.4): one {@code smtp.response} with its
 * code per reply (a multi-line reply's first line), one {@code smtp.rsp.parameter} per line; the
 * replies also drive tshark's AUTH and STARTTLS state.
 */
final class ReplyTree {
    private enum Multiline { NONE, START, CONTINUE, END }

    private final SmtpFields f;
    private final SmtpPreferences prefs;

    ReplyTree(SmtpFields f, SmtpPreferences prefs) {
        this.f = f;
        this.prefs = prefs;
    }

    void add(Tvb tvb, PacketInfo pinfo, TreeItem smtp, TsharkSession s) {
        long frame = pinfo.frameNumber();
        smtp.add(f.rsp, tvb, 0, 0, 1L).hidden();
        Multiline ml = Multiline.NONE;
        long multilineCode = 0;
        TreeItem response = null;
        TreeItem codeItem = null;
        int[] next = new int[1];
        int offset = 0;
        while (offset < tvb.length()) {
            int linelen = LineFinder.find(tvb, offset, false, next);
            pinfo.columns().appendInfo(offset == 0 ? "S: " : " | ");
            if (linelen >= 3 && isDigit(tvb, offset) && isDigit(tvb, offset + 1) && isDigit(tvb, offset + 2)) {
                long code = (tvb.u8(offset) - '0') * 100L + (tvb.u8(offset + 1) - '0') * 10L + (tvb.u8(offset + 2) - '0');
                if (linelen > 3 && tvb.u8(offset + 3) == '-') {
                    if (ml == Multiline.NONE) {
                        ml = Multiline.START;
                        multilineCode = code;
                    } else {
                        ml = Multiline.CONTINUE;
                    }
                } else if (ml == Multiline.START || ml == Multiline.CONTINUE) {
                    ml = Multiline.END;
                }
                if (s.state == TsharkSession.State.AWAITING_STARTTLS_RESPONSE) {
                    if (code == 220) {
                        s.lastNonTlsFrame = frame;
                    }
                    s.state = TsharkSession.State.READING_CMDS;
                }
                authState(s, code, frame);
                boolean continued = ml == Multiline.CONTINUE || ml == Multiline.END;
                if (!continued) {
                    response = smtp.add(f.response, tvb, offset, next[0] - offset, tvb.ascii(offset, next[0] - offset));
                    codeItem = response.add(f.responseCode, tvb, offset, 3, code);
                } else if (multilineCode != code && codeItem != null) {
                    pinfo.registry().expert().add(codeItem, f.responseCodeUnexpected, tvb, offset, 3,
                            "Unexpected response code " + code + " in multiline response. Expected " + multilineCode);
                }
                if (linelen >= 4) {
                    parameter(tvb, pinfo, response, offset, linelen, code, continued);
                } else {
                    pinfo.columns().appendInfo(TextFormat.of(tvb, offset, linelen));
                }
                if (ml == Multiline.END) {
                    ml = Multiline.NONE;
                }
            }
            offset = next[0];
        }
    }

    private void parameter(Tvb tvb, PacketInfo pinfo, TreeItem response, int offset, int linelen, long code,
                           boolean continued) {
        TreeItem parent = response;
        String raw = tvb.ascii(offset + 4, linelen - 4);
        if (prefs.decodeAuth() && code == 334) {
            byte[] d = AuthText.decodeOrNull(raw);
            if (d != null) {
                String text = AuthText.text(d);
                if (text.regionMatches(true, 0, "NTLMSSP", 0, 7)) {
                    pinfo.columns().appendInfo(code + " ");
                    add(parent, tvb, offset + 4, linelen - 4, raw);
                } else {
                    add(parent, tvb, offset + 4, linelen - 4, text);
                    pinfo.columns().appendInfo(code + " " + TextFormat.of(text));
                }
                return;
            }
        }
        add(parent, tvb, offset + 4, linelen - 4, raw);
        pinfo.columns().appendInfo(continued ? TextFormat.of(tvb, offset + 4, linelen - 4)
                : TextFormat.of(tvb, offset, linelen));
    }

    private void add(TreeItem response, Tvb tvb, int offset, int len, String value) {
        if (response != null) {
            response.add(f.rspParameter, tvb, offset, len, value);
        }
    }

    /** tshark's AUTH state moves on 334 (next credential expected) and on the reply that ends it. */
    private static void authState(TsharkSession s, long code, long frame) {
        if (code == 334) {
            switch (s.auth) {
                case START: s.auth = TsharkSession.Auth.USERNAME_REQ; break;
                case USERNAME_RSP: s.auth = TsharkSession.Auth.PASSWORD_REQ; break;
                case PLAIN_REQ: s.auth = TsharkSession.Auth.PLAIN_RSP; break;
                case PLAIN_START_REQ: s.auth = TsharkSession.Auth.PLAIN_REQ; break;
                case NTLM_REQ: s.auth = TsharkSession.Auth.NTLM_CHALLENGE; break;
                default: break;
            }
        } else if (s.auth == TsharkSession.Auth.PASSWORD_RSP || s.auth == TsharkSession.Auth.PLAIN_RSP
                || s.auth == TsharkSession.Auth.NTLM_RSP || s.auth == TsharkSession.Auth.PLAIN_CRED_REQ) {
            s.auth = code == 235 ? TsharkSession.Auth.SUCCESS : TsharkSession.Auth.FAILED;
            s.lastAuthFrame = frame;
        }
    }

    private static boolean isDigit(Tvb tvb, int offset) {
        int c = tvb.u8(offset);
        return c >= '0' && c <= '9';
    }
}
