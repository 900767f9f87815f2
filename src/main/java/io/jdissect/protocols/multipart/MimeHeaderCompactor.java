package io.jdissect.protocols.multipart;

/**
 * Wireshark's {@code unfold_and_compact_mime_header}: a MIME part header unfolded, with white
 * space around {@code : ; , =} removed, other runs of white space made one space, quoted strings
 * kept as written; it stops at the first line end not followed by white space. The
 * {@code mime_multipart.header.*} values are the text after the first colon of this.
 */
record MimeHeaderCompactor(String text, int firstColon) {

    static MimeHeaderCompactor compact(String lines) {
        StringBuilder q = new StringBuilder(lines.length());
        int n = lines.length();
        int p = 0;
        boolean sepSeen = false;
        boolean lws = false;
        int colon = -1;
        while (p < n) {
            char c = lines.charAt(p);
            if (c == ':' || c == ';' || c == ',' || c == '=') {
                lws = false;
                if (c == ':' && colon == -1) {
                    colon = q.length();
                }
                q.append(c);
                sepSeen = true;
                p++;
            } else if (c == ' ' || c == '\t') {
                lws = true;
                p++;
            } else if (c == '\n') {
                lws = false;
                if (p + 1 >= n) {
                    break;
                }
                char d = lines.charAt(p + 1);
                if (d != ' ' && d != '\t') {
                    break;
                }
                lws = true;
                p += 2;
            } else if (c == '\r') {
                lws = false;
                if (p + 1 >= n) {
                    break;
                }
                char d = lines.charAt(p + 1);
                if (d == '\n') {
                    if (p + 2 >= n) {
                        break;
                    }
                    char e = lines.charAt(p + 2);
                    if (e != ' ' && e != '\t') {
                        break;
                    }
                    lws = true;
                    p += 3;
                } else if (d == ' ' || d == '\t') {
                    lws = true;
                    p += 2;
                } else {
                    break;
                }
            } else if (c == '"') {
                lws = false;
                q.append(c);
                p++;
                while (p < n) {
                    char d = lines.charAt(p++);
                    q.append(d);
                    if (d == '\\') {
                        if (p < n) {
                            q.append(lines.charAt(p++));
                        }
                    } else if (d == '"') {
                        break;
                    }
                }
            } else {
                if (sepSeen) {
                    sepSeen = false;
                } else if (lws) {
                    q.append(' ');
                }
                lws = false;
                q.append(c);
                p++;
            }
        }
        return new MimeHeaderCompactor(q.toString(), colon);
    }
}
