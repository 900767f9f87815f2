package io.jdissect.protocols.smtp;

import io.jdissect.api.ByteSearch;
import io.jdissect.api.Tvb;

import java.nio.charset.StandardCharsets;

/**
 * tshark's first-pass walk over the lines of an SMTP segment (fields.md 1.2): it moves the session
 * state (DATA/BDAT/AUTH/STARTTLS) and classifies a client frame as a command frame, a message
 * (DATA fragment) frame or the end-of-message frame. The last line's verdict wins.
 */
final class FrameClassifier {
    enum Kind { CMD, MESSAGE, EOM }

    /** The verdict for one frame; {@code eomOffset}/{@code lastLineLength} locate the "." line. */
    record Verdict(Kind kind, boolean moreFrags, int eomOffset, int lastLineLength) {
    }

    /** Commands that are not four letters, from tshark's table (RFC 2487 and Microsoft Exchange). */
    private static final String[] LONG_COMMANDS = {"STARTTLS", "X-EXPS", "X-LINK2STATE", "XEXCH50"};

    private final boolean decodeAuth;
    /** tshark's per-frame more_frags: false once this frame completes a BDAT ... LAST message. */
    private boolean moreFrags = true;

    /** Where the first line's end may be: not before this (see {@link io.jdissect.api.PacketInfo#seenBefore}). */
    private final int firstLineEndFrom;

    /** One classifier per frame: it carries the frame's more_frags flag. */
    FrameClassifier(boolean decodeAuth) {
        this(decodeAuth, 0);
    }

    /**
     * {@code seenBefore}: the leading bytes of this payload an earlier call found no line end in
     * (but for a CR as their last byte), so that a line of megabytes is not searched again with
     * every segment TCP adds to it.
     */
    FrameClassifier(boolean decodeAuth, int seenBefore) {
        this.decodeAuth = decodeAuth;
        this.firstLineEndFrom = Math.max(0, seenBefore - 1);
    }

    /**
     * Classifies the segment; returns null when the first line has no end and the caller should ask
     * TCP for one more segment.
     */
    Verdict classify(Tvb tvb, long frame, boolean request, boolean desegment, TsharkSession s) {
        if (request && s.state == TsharkSession.State.READING_DATA && s.msgTotLen == 0 && tvb.length() > 0) {
            return messageSegment(tvb, desegment, s);
        }
        return walkLines(tvb, frame, request, desegment, s);
    }

    /**
     * tshark's walk, line by line. Package-private for the test that holds {@link #messageSegment}
     * to it.
     */
    Verdict walkLines(Tvb tvb, long frame, boolean request, boolean desegment, TsharkSession s) {
        Kind kind = Kind.CMD;
        int[] next = new int[1];
        int loffset = 0;
        int linelen = 0;
        while (loffset < tvb.length()) {
            linelen = LineFinder.find(tvb, loffset, loffset == 0 ? firstLineEndFrom : loffset, desegment, next);
            if (linelen < 0) {
                if (loffset == 0) {
                    return null;
                }
                linelen = tvb.reportedLength() - loffset;
                next[0] = loffset + linelen;
            }
            boolean eom = false;
            if (s.state == TsharkSession.State.READING_DATA) {
                // Order matters (tshark): "\r\n.\r\n" at a line start, or ".\r\n" after a CRLF-ended segment.
                eom = (s.crlfSeen && startsWith(tvb, loffset, ".\r\n")) || startsWith(tvb, loffset, "\r\n.\r\n");
                int remaining = tvb.remaining(loffset);
                s.crlfSeen = remaining == tvb.reportedLength() - loffset && remaining >= 2
                        && startsWith(tvb, loffset + remaining - 2, "\r\n");
            }
            if (request) {
                if (s.state == TsharkSession.State.READING_DATA) {
                    if (eom) {
                        s.state = TsharkSession.State.READING_CMDS;
                        return new Verdict(Kind.EOM, moreFrags, loffset, linelen);
                    }
                    kind = Kind.MESSAGE;
                    if (s.msgTotLen > 0) {
                        // BDAT: the rest of the segment counts as chunk data (tshark's whole-segment count).
                        s.msgReadLen += tvb.reportedLength() - loffset;
                        next[0] = tvb.reportedLength();
                        if (s.msgReadLen == s.msgTotLen) {
                            s.state = TsharkSession.State.READING_CMDS;
                            if (s.msgLast) {
                                moreFrags = false;
                            }
                            break;
                        }
                    }
                } else {
                    kind = commandLine(tvb, loffset, linelen, frame, s, kind);
                }
            }
            loffset = next[0];
        }
        return new Verdict(kind, moreFrags, 0, linelen);
    }

    /**
     * What {@link #walkLines} gives for a client segment of a DATA message (not BDAT), without
     * walking its lines: message bodies are most of a mail capture, and a segment holds dozens of
     * body lines of which only the one that ends the message matters. In that walk each line
     * leaves crlfSeen as "the whole segment was captured and ends with CRLF", so a later line is
     * the end of data exactly when it is ".\r\n" and the segment ends with CRLF, or "\r\n.\r\n";
     * the first line sees the flag the previous segment left.
     */
    private Verdict messageSegment(Tvb tvb, boolean desegment, TsharkSession s) {
        int[] next = new int[1];
        if (LineFinder.find(tvb, 0, firstLineEndFrom, desegment, next) < 0) {
            return null;
        }
        byte[] a = tvb.array();
        int base = tvb.arrayOffset();
        int length = tvb.length();
        boolean endsWithCrlf = !tvb.isTruncated() && length >= 2
                && a[base + length - 2] == '\r' && a[base + length - 1] == '\n';
        int eom = endOfData(a, base, length, s.crlfSeen, endsWithCrlf);
        // The walk's last line (the end-of-data line, or the segment's last) leaves this: when the
        // segment ends with CRLF, no line starts in that CRLF.
        s.crlfSeen = endsWithCrlf;
        if (eom >= 0) {
            s.state = TsharkSession.State.READING_CMDS;
            return new Verdict(Kind.EOM, moreFrags, eom, lineLength(tvb, eom, desegment, next));
        }
        int last = lastLineStart(a, base, length);
        return new Verdict(Kind.MESSAGE, moreFrags, 0, lineLength(tvb, last, desegment, next));
    }

    /**
     * The first line start in {@code a[base, base + length)} that ends the data, or -1. Both forms
     * have ".\r\n" at their dot, so only the dots before a CR are looked at, found a word at a time.
     */
    private static int endOfData(byte[] a, int base, int length, boolean crlfFirst, boolean crlfLater) {
        int end = base + length;
        for (int d = ByteSearch.indexOfPair(a, base, end, (byte) '.', (byte) '\r'); d >= 0 && d + 3 <= end;
                d = ByteSearch.indexOfPair(a, d + 1, end, (byte) '.', (byte) '\r')) {
            if (a[d + 2] != '\n') {
                continue;
            }
            int dot = d - base;
            // "\r\n.\r\n" starts two bytes before this dot, before a ".\r\n" line at the dot.
            if (dot >= 2 && a[d - 2] == '\r' && a[d - 1] == '\n' && isLineStart(a, base, dot - 2)) {
                return dot - 2;
            }
            if (isLineStart(a, base, dot) && (dot == 0 ? crlfFirst : crlfLater)) {
                return dot;
            }
        }
        return -1;
    }

    /** The start of the segment's last line (LineFinder's line ends: LF, CRLF, a lone CR). */
    private static int lastLineStart(byte[] a, int base, int length) {
        for (int p = length - 1; p > 0; p--) {
            if (isLineStart(a, base, p)) {
                return p;
            }
        }
        return 0;
    }

    /** Whether a line starts at {@code p}, below the segment's length: after an LF, or a CR not before an LF. */
    private static boolean isLineStart(byte[] a, int base, int p) {
        if (p == 0) {
            return true;
        }
        byte before = a[base + p - 1];
        return before == '\n' || before == '\r' && a[base + p] != '\n';
    }

    /** The length the walk gives the line at {@code offset}: to the reported end when it has no end yet. */
    private static int lineLength(Tvb tvb, int offset, boolean desegment, int[] next) {
        int n = LineFinder.find(tvb, offset, desegment, next);
        return n < 0 ? tvb.reportedLength() - offset : n;
    }

    private Kind commandLine(Tvb tvb, int loffset, int linelen, long frame, TsharkSession s, Kind current) {
        byte[] line = tvb.bytes(loffset, Math.min(linelen, tvb.remaining(loffset)));
        if (s.inAuthWindow(frame) && decodeAuth) {
            byte[] decoded = AuthText.decodeOrNull(new String(line, StandardCharsets.ISO_8859_1));
            if (decoded != null) {
                line = decoded;
            }
        }
        int cmdlen = 0;
        while (cmdlen < line.length && line[cmdlen] != ' ') {
            cmdlen++;
        }
        if (isCommand(line, cmdlen)) {
            if (startsWithIgnoreCase(line, "DATA")) {
                s.state = TsharkSession.State.READING_DATA;
                s.dataSeen = true;
            } else if (startsWithIgnoreCase(line, "BDAT")) {
                long len = strtoul(line, 5);
                s.dataSeen = true;
                s.msgTotLen += len;
                s.state = len == 0 ? TsharkSession.State.READING_CMDS : TsharkSession.State.READING_DATA;
                if (line.length >= 4 && regionEqualsIgnoreCase(line, line.length - 4, "LAST")) {
                    s.msgLast = true;
                    if (len == 0) {
                        moreFrags = false;
                    }
                } else {
                    s.msgLast = false;
                }
            } else if (startsWithIgnoreCase(line, "AUTH LOGIN")) {
                s.state = TsharkSession.State.READING_CMDS;
                s.firstAuthFrame = frame;
                if (line.length <= 11) {
                    s.auth = TsharkSession.Auth.START;
                } else {
                    s.auth = TsharkSession.Auth.USERNAME_RSP;
                    s.usernameCmdFrame = frame;
                }
            } else if (startsWithIgnoreCase(line, "AUTH PLAIN")) {
                s.state = TsharkSession.State.READING_CMDS;
                s.firstAuthFrame = frame;
                if (line.length <= 11) {
                    s.auth = TsharkSession.Auth.PLAIN_START_REQ;
                } else {
                    s.auth = TsharkSession.Auth.PLAIN_CRED_REQ;
                    s.userPassCmdFrame = frame;
                }
            } else if (startsWithIgnoreCase(line, "AUTH NTLM") && line.length > 10) {
                s.state = TsharkSession.State.READING_CMDS;
                s.auth = TsharkSession.Auth.NTLM_REQ;
                s.ntlmReqFrame = frame;
            } else if (startsWithIgnoreCase(line, "STARTTLS")) {
                s.state = TsharkSession.State.AWAITING_STARTTLS_RESPONSE;
            }
            return Kind.CMD;
        }
        switch (s.auth) {
            case USERNAME_REQ:
                s.auth = TsharkSession.Auth.USERNAME_RSP;
                s.usernameFrame = frame;
                return current;
            case PASSWORD_REQ:
                s.auth = TsharkSession.Auth.PASSWORD_RSP;
                s.passwordFrame = frame;
                return current;
            case PLAIN_REQ:
                s.auth = TsharkSession.Auth.PLAIN_RSP;
                s.userPassFrame = frame;
                return current;
            case NTLM_CHALLENGE:
                s.auth = TsharkSession.Auth.NTLM_RSP;
                s.ntlmRspFrame = frame;
                return current;
            default:
                // Not a command: message data when DATA/BDAT was seen or nothing else happened yet.
                return s.dataSeen || s.state == TsharkSession.State.START ? Kind.MESSAGE : Kind.CMD;
        }
    }

    /** tshark's line_is_smtp_command: four ASCII letters, or one of the longer table entries. */
    static boolean isCommand(byte[] line, int cmdlen) {
        if (cmdlen == 4) {
            boolean alpha = true;
            for (int i = 0; i < 4; i++) {
                int c = line[i] & 0xff;
                alpha &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            }
            if (alpha) {
                return true;
            }
        }
        for (String c : LONG_COMMANDS) {
            if (cmdlen == c.length() && regionEqualsIgnoreCase(line, 0, c)) {
                return true;
            }
        }
        return false;
    }

    /** C strtoul(line + from, NULL, 10), the way tshark reads a BDAT size; 0 when absent. */
    static long strtoul(byte[] line, int from) {
        int i = from;
        while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        if (i < line.length && line[i] == '+') {
            i++;
        }
        long v = 0;
        while (i < line.length && line[i] >= '0' && line[i] <= '9') {
            v = Math.min(v * 10 + (line[i] - '0'), 0xffffffffL);
            i++;
        }
        return v;
    }

    static boolean startsWith(Tvb tvb, int offset, String s) {
        if (offset < 0 || tvb.remaining(offset) < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (tvb.u8(offset + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(byte[] line, String s) {
        return line.length >= s.length() && regionEqualsIgnoreCase(line, 0, s);
    }

    static boolean regionEqualsIgnoreCase(byte[] line, int from, String s) {
        if (from < 0 || from + s.length() > line.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.toUpperCase((char) (line[from + i] & 0xff)) != Character.toUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
