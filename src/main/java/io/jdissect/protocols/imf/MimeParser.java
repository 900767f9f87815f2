package io.jdissect.protocols.imf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link MimeEntity} tree of a message (RFC 2045/2046), keeping byte offsets: header
 * section, then for {@code multipart/*} the body parts between {@code --boundary} lines, nested.
 * Bounded by {@link MimeLimits}: nesting deeper than {@code maxDepth} or more than {@code maxParts}
 * parts are not split further and are reported in {@link MimeEntity#problems()}, as are a missing
 * boundary parameter, a boundary that never occurs and a missing close delimiter.
 */
public final class MimeParser {
    private final byte[] data;
    private final MimeLimits limits;
    private int parts;

    private MimeParser(byte[] data, MimeLimits limits) {
        this.data = data;
        this.limits = limits;
    }

    /** Parses {@code data[start, end)} as one message. */
    public static MimeEntity parse(byte[] data, int start, int end, MimeLimits limits) {
        return new MimeParser(data, limits).entity(start, end, 0);
    }

    private MimeEntity entity(int start, int end, int depth) {
        HeaderSection h = HeaderSection.parse(data, start, end, limits);
        List<String> problems = new ArrayList<>();
        if (h.malformedLines() > 0) {
            problems.add(h.malformedLines() + " header line(s) without a colon");
        }
        if (h.limitHit()) {
            problems.add("more than " + limits.maxHeaders() + " header fields");
        }
        HeaderField ct = h.first("Content-Type");
        HeaderField cd = h.first("Content-Disposition");
        HeaderField cte = h.first("Content-Transfer-Encoding");
        MimeParameters type = MimeParameters.parse(ct == null ? null : ct.unfolded());
        List<MimeEntity> children = new ArrayList<>();
        if (type.value().startsWith("multipart/")) {
            String boundary = type.get("boundary");
            if (boundary == null || boundary.isEmpty()) {
                problems.add("multipart without a boundary parameter");
            } else if (depth >= limits.maxDepth()) {
                problems.add("MIME nesting deeper than " + limits.maxDepth() + " not parsed");
            } else {
                split(boundary.getBytes(StandardCharsets.ISO_8859_1), h.bodyStart(), end, depth, children, problems);
            }
        }
        return new MimeEntity(data, h, type, MimeParameters.parse(cd == null ? null : cd.unfolded()),
                cte == null ? null : cte.unfolded(), h.bodyStart(), end - h.bodyStart(), children, depth, problems);
    }

    /** RFC 2046 §5.1.1: delimiter lines start with "--boundary"; the CRLF before them is theirs. */
    private void split(byte[] boundary, int start, int end, int depth, List<MimeEntity> children,
                       List<String> problems) {
        int partStart = -1;
        int i = start;
        boolean closed = false;
        while (i < end) {
            int lineEnd = i;
            while (lineEnd < end && data[lineEnd] != '\n') {
                lineEnd++;
            }
            int next = lineEnd < end ? lineEnd + 1 : end;
            if (isDelimiter(i, lineEnd, boundary)) {
                boolean close = i + 2 + boundary.length + 1 < end && data[i + 2 + boundary.length] == '-'
                        && data[i + 3 + boundary.length] == '-';
                if (partStart >= 0) {
                    int partEnd = i;
                    if (partEnd > partStart && data[partEnd - 1] == '\n') {
                        partEnd--;
                        if (partEnd > partStart && data[partEnd - 1] == '\r') {
                            partEnd--;
                        }
                    }
                    if (!addPart(partStart, partEnd, depth, children, problems)) {
                        return;
                    }
                }
                if (close) {
                    closed = true;
                    break;
                }
                partStart = next;
            }
            i = next;
        }
        if (!closed) {
            if (partStart < 0) {
                problems.add("boundary never found in the multipart body");
            } else {
                problems.add("multipart not terminated by a close delimiter");
                addPart(partStart, end, depth, children, problems);
            }
        }
    }

    private boolean addPart(int from, int to, int depth, List<MimeEntity> children, List<String> problems) {
        if (++parts > limits.maxParts()) {
            problems.add("more than " + limits.maxParts() + " body parts");
            return false;
        }
        children.add(entity(from, Math.max(from, to), depth + 1));
        return true;
    }

    /**
     * A line starting with "--boundary". Like tshark (and most mail readers) a longer line that
     * starts so counts too; RFC 2046 §5.1.1 forbids boundaries that are prefixes of such lines.
     */
    private boolean isDelimiter(int lineStart, int lineEnd, byte[] boundary) {
        if (lineEnd - lineStart < boundary.length + 2 || data[lineStart] != '-' || data[lineStart + 1] != '-') {
            return false;
        }
        for (int k = 0; k < boundary.length; k++) {
            if (data[lineStart + 2 + k] != boundary[k]) {
                return false;
            }
        }
        return true;
    }
}
