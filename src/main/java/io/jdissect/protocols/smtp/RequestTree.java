package io.jdissect.protocols.smtp;

import io.jdissect.api.DissectorHandle;
import io.jdissect.api.PacketInfo;
import io.jdissect.api.TreeItem;
import io.jdissect.api.Tvb;
import io.jdissect.protocols.text.TextFormat;

import java.util.List;

/**
 * The tshark items and Info text of a client frame, from its {@link FrameClassifier.Verdict}:
 * command lines (4-character command, CRLF kept), AUTH credential lines, DATA fragments and the
 * end of message, feeding tshark's DATA reassembly.
 */
final class RequestTree {
    private final SmtpFields f;
    private final SmtpPreferences prefs;
    private final AuthItems auth;

    RequestTree(SmtpFields f, SmtpPreferences prefs) {
        this.f = f;
        this.prefs = prefs;
        this.auth = new AuthItems(f, prefs);
    }

    /** Adds the items; returns the DATA message this frame finished, or null. */
    DataReassembly.Message add(Tvb tvb, PacketInfo pinfo, TreeItem smtp, FrameClassifier.Verdict v, TsharkSession s,
                               DissectorHandle textLines) {
        long frame = pinfo.frameNumber();
        switch (v.kind()) {
            case MESSAGE: {
                int n = tvb.reportedLength();
                if (pinfo.columns().active()) { // most SMTP segments: no text made for a run without columns
                    pinfo.columns().appendInfo((prefs.desegmentData() ? "C: DATA fragment" : "C: Message Body")
                            + ", " + n + " byte" + (n == 1 ? "" : "s"));
                }
                if (!prefs.desegmentData()) {
                    messageLines(tvb, smtp);
                    return null;
                }
                DataReassembly.Message m = s.reassembly.add(frame, tvb.array(), tvb.arrayOffset(), tvb.length(),
                        !v.moreFrags());
                if (textLines != null) {
                    pinfo.call(textLines, tvb, smtp);
                }
                return m;
            }
            case EOM: {
                pinfo.columns().appendInfo("C: .");
                smtp.add(f.eom, tvb, v.eomOffset(), v.lastLineLength()).setText("C: .");
                if (!prefs.desegmentData()) {
                    return null;
                }
                if (v.eomOffset() > 0) {
                    s.reassembly.add(frame, tvb.array(), tvb.arrayOffset(), v.eomOffset(), false);
                }
                return s.reassembly.end(frame);
            }
            default:
                return commandLines(tvb, pinfo, smtp, v, s);
        }
    }

    private DataReassembly.Message commandLines(Tvb tvb, PacketInfo pinfo, TreeItem smtp, FrameClassifier.Verdict v,
                                                TsharkSession s) {
        long frame = pinfo.frameNumber();
        DataReassembly.Message done = null;
        int[] next = new int[1];
        int loffset = 0;
        while (loffset < tvb.length()) {
            int linelen = LineFinder.find(tvb, loffset, false, next);
            pinfo.columns().appendInfo(loffset == 0 ? "C: " : " | ");
            smtp.add(f.req, tvb, 0, 0, 1L).hidden();
            if (s.usernameFrame == frame) {
                auth.loginLine(tvb, pinfo, smtp, loffset, linelen, true, s);
            } else if (s.passwordFrame == frame) {
                auth.loginLine(tvb, pinfo, smtp, loffset, linelen, false, s);
            } else if (s.ntlmRspFrame == frame) {
                auth.ntlmLine(tvb, pinfo, smtp, loffset, linelen);
            } else if (s.userPassFrame == frame) {
                auth.plain(tvb, pinfo, smtp, loffset, linelen);
            } else {
                TreeItem line = smtp.add(f.commandLine, tvb, loffset, next[0] - loffset,
                        tvb.ascii(loffset, next[0] - loffset));
                int cmdlen = Math.min(4, linelen);
                line.add(f.reqCommand, tvb, loffset, cmdlen, tvb.ascii(loffset, cmdlen));
                if (linelen > 5) {
                    line.add(f.reqParameter, tvb, loffset + 5, linelen - 5, tvb.ascii(loffset + 5, linelen - 5));
                }
                if (linelen > 5 && s.usernameCmdFrame == frame) {
                    auth.loginInline(tvb, pinfo, line, loffset, linelen);
                } else if (linelen > 5 && s.ntlmReqFrame == frame) {
                    if (linelen >= 10) {
                        pinfo.columns().appendInfo(TextFormat.of(tvb, loffset, 10)
                                + TextFormat.of(tvb, loffset + 10, linelen - 10));
                    }
                } else if (linelen > 5 && s.userPassCmdFrame == frame) {
                    pinfo.columns().appendInfo(TextFormat.of(tvb, loffset, 11));
                    auth.plain(tvb, pinfo, line, loffset + 11, linelen - 11);
                } else {
                    pinfo.columns().appendInfo(TextFormat.of(tvb, loffset, linelen));
                }
                if (prefs.desegmentData() && !v.moreFrags()) {
                    // tshark ends the reassembly once per line; only the last call's result counts.
                    done = s.reassembly.end(frame);
                }
            }
            loffset = next[0];
        }
        return done;
    }

    /** smtp.message per body line, when DATA reassembly is off (tshark's dissect_smtp_data). */
    private void messageLines(Tvb tvb, TreeItem smtp) {
        int[] next = new int[1];
        int offset = 0;
        while (offset < tvb.length()) {
            LineFinder.find(tvb, offset, false, next);
            smtp.add(f.message, tvb, offset, next[0] - offset, tvb.ascii(offset, next[0] - offset));
            offset = next[0];
        }
    }

    /** The "[n DATA fragments (L bytes): #f(l), …]" tree tshark shows on the reassembling frame. */
    void fragmentsTree(TreeItem smtp, Tvb reassembled, DataReassembly.Message m) {
        List<DataReassembly.Fragment> frags = m.fragments();
        String head = frags.size() + (frags.size() == 1 ? " DATA fragment" : " DATA fragments")
                + " (" + m.length() + " byte" + (m.length() == 1 ? "" : "s") + "): ";
        // The frames are appended text (reassemble.c's show_fragment): a long list is cut, not marked.
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < frags.size(); i++) {
            DataReassembly.Fragment fr = frags.get(i);
            list.append(i == 0 ? "" : ", ").append('#').append(fr.frame()).append('(').append(fr.length()).append(')');
        }
        TreeItem top = smtp.add(f.dataFragments, reassembled, 0, reassembled.reportedLength())
                .setText(head).appendText(list.toString()).generated();
        for (DataReassembly.Fragment fr : frags) {
            top.add(f.dataFragment, reassembled, fr.offset(), fr.length(), fr.frame())
                    .setText("Frame: " + fr.frame() + ", payload: " + fr.offset() + "-" + (fr.offset() + fr.length() - 1)
                            + " (" + fr.length() + " byte" + (fr.length() == 1 ? "" : "s") + ")")
                    .generated();
        }
        top.add(f.dataFragmentCount, reassembled, 0, 0, frags.size()).generated();
        top.add(f.dataReassembledLength, reassembled, 0, 0, m.length()).generated();
    }
}
