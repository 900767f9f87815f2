package io.jdissect.protocols.smtp;

import io.jdissect.api.Tvb;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A DATA segment is classified without walking its lines; the verdict and the session state it
 * leaves must be those of tshark's line-by-line walk, quirks included.
 */
class FrameClassifierTest {
    private static final SmtpLimits LIMITS = new SmtpLimits(SmtpLimits.DEFAULT_LINE, SmtpLimits.DEFAULT_PENDING,
            SmtpLimits.DEFAULT_MESSAGE);

    @Test
    void endOfDataAtALineStartOrAfterASegmentEndingWithCrlf() {
        TsharkSession s = inData(false);
        FrameClassifier.Verdict v = classify("text\r\n.\r\n", true, s);
        assertEquals(new FrameClassifier.Verdict(FrameClassifier.Kind.EOM, true, 6, 1), v);
        assertEquals(TsharkSession.State.READING_CMDS, s.state);
        assertTrue(s.crlfSeen);
        // the CRLF before the dot came as the first line of this segment
        s = inData(false);
        assertEquals(new FrameClassifier.Verdict(FrameClassifier.Kind.EOM, true, 0, 0), classify("\r\n.\r\n", true, s));

        s = inData(false);
        assertEquals(new FrameClassifier.Verdict(FrameClassifier.Kind.MESSAGE, true, 0, 4), classify("text\r\n", true, s));
        assertTrue(s.crlfSeen);
        assertEquals(new FrameClassifier.Verdict(FrameClassifier.Kind.EOM, true, 0, 1), classify(".\r\n", true, s));

        // tshark's quirk: within a segment that ends with CRLF, a ".\r\n" line ends the data too
        s = inData(false);
        assertEquals(FrameClassifier.Kind.EOM, classify("a\n.\r\nb\r\n", true, s).kind());
        // ... but not in one that does not
        s = inData(false);
        assertEquals(FrameClassifier.Kind.MESSAGE, classify("a\n.\r\nb", false, s).kind());
        // the first line has no end yet: TCP is asked for more, the state is left alone
        s = inData(true);
        assertNull(classify("partial body line", true, s));
        assertTrue(s.crlfSeen);
    }

    @Test
    void messageSegmentsAreClassifiedAsTheLineWalkClassifiesThem() {
        Random random = new Random(20261205);
        List<String> pieces = List.of("\r\n.\r\n", ".\r\n", "\r\n", "\r", "\n", ".", "..", "a", "abcdefghijklmnop",
                "\r\n.", ".\r", "\n.\r\n", "\n.", "\u0080\u00ff", "DATA\r\n",
                "SGVsbG8gV29ybGQhSGVsbG8gV29ybGQhSGVsbG8gV29ybGQhSGVsbG8gV29ybGQhSGVsbG8gV29y\r\n");
        byte[] alphabet = {'.', '\r', '\n', 'a', (byte) 0x80, (byte) 0xff, '.', '\r', '\n'};
        int fast = 0;
        int eoms = 0;
        int nulls = 0;
        for (int round = 0; round < 30_000; round++) {
            boolean crlf = random.nextBoolean();
            TsharkSession fastSession = inData(crlf);
            TsharkSession walkSession = inData(crlf);
            int segments = 1 + random.nextInt(8);
            for (int k = 0; k < segments; k++) {
                byte[] body = random.nextInt(3) == 0 ? randomBytes(random, alphabet) : randomPieces(random, pieces);
                if (random.nextInt(200) == 0) {
                    body = "BDAT 3 LAST\r\n".getBytes(StandardCharsets.ISO_8859_1);
                }
                boolean request = random.nextInt(10) != 0;
                boolean desegment = random.nextBoolean();
                long frame = round * 10L + k + 1;
                Tvb tvb = tvb(random, body);
                String what = "round " + round + " segment " + k + " " + Arrays.toString(body) + " captured "
                        + tvb.length() + "/" + tvb.reportedLength() + " desegment " + desegment + " request " + request;
                boolean applies = request && fastSession.state == TsharkSession.State.READING_DATA
                        && fastSession.msgTotLen == 0 && tvb.length() > 0;
                FrameClassifier.Verdict expected = new FrameClassifier(false)
                        .walkLines(tvb, frame, request, desegment, walkSession);
                FrameClassifier.Verdict actual = new FrameClassifier(false)
                        .classify(tvb, frame, request, desegment, fastSession);
                assertEquals(expected, actual, what);
                assertEquals(state(walkSession), state(fastSession), what);
                if (applies) {
                    fast++;
                    eoms += actual != null && actual.kind() == FrameClassifier.Kind.EOM ? 1 : 0;
                    nulls += actual == null ? 1 : 0;
                }
            }
        }
        assertTrue(fast > 50_000 && eoms > 10_000 && nulls > 2_000, fast + " " + eoms + " " + nulls);
    }

    private static byte[] randomBytes(Random random, byte[] alphabet) {
        byte[] b = new byte[random.nextInt(40)];
        for (int i = 0; i < b.length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }

    private static byte[] randomPieces(Random random, List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            sb.append(pieces.get(random.nextInt(pieces.size())));
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The segment, sometimes truncated, sometimes a view into a larger array (as a TCP payload is). */
    private static Tvb tvb(Random random, byte[] body) {
        int captured = random.nextInt(5) == 0 ? random.nextInt(body.length + 1) : body.length;
        int prefix = random.nextBoolean() ? 0 : 1 + random.nextInt(9);
        byte[] data = new byte[prefix + body.length];
        for (int i = 0; i < prefix; i++) {
            data[i] = (byte) "\r\n.a".charAt(random.nextInt(4));
        }
        System.arraycopy(body, 0, data, prefix, body.length);
        Tvb source = Tvb.ofSource("t", data, prefix + captured, data.length);
        return prefix == 0 ? source : source.subset(prefix);
    }

    private static String state(TsharkSession s) {
        return s.state + " crlf=" + s.crlfSeen + " data=" + s.dataSeen + " read=" + s.msgReadLen + " tot=" + s.msgTotLen
                + " last=" + s.msgLast + " auth=" + s.auth;
    }

    private static TsharkSession inData(boolean crlfSeen) {
        TsharkSession s = new TsharkSession(LIMITS, DataReassembly.Keep.COUNT, new MessageChunks(Long.MAX_VALUE));
        s.state = TsharkSession.State.READING_DATA;
        s.dataSeen = true;
        s.crlfSeen = crlfSeen;
        return s;
    }

    private static FrameClassifier.Verdict classify(String segment, boolean desegment, TsharkSession s) {
        Tvb tvb = Tvb.ofSource("t", segment.getBytes(StandardCharsets.ISO_8859_1));
        return new FrameClassifier(false).classify(tvb, 1, true, desegment, s);
    }
}
