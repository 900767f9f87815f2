package io.jdissect.protocols.smtp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ParseMemoTest {
    /** A memo over {@code parser} that notes each line the parser is asked for in {@code parsed}. */
    private static <T> ParseMemo<T> noting(List<String> parsed, Function<String, T> parser) {
        return new ParseMemo<>(line -> {
            parsed.add(line);
            return parser.apply(line);
        });
    }

    @Test
    void aLineSeenAgainIsNotParsedAgain() {
        List<String> parsed = new ArrayList<>();
        ParseMemo<String> memo = noting(parsed, String::toUpperCase);
        String first = memo.parse("250 2.1.5 Ok");
        assertSame(first, memo.parse(new String("250 2.1.5 Ok")));
        assertEquals("QUIT", memo.parse("quit"));
        assertEquals(List.of("250 2.1.5 Ok", "quit"), parsed);
    }

    @Test
    void linesThatShareASlotEachGetTheirOwnParse() {
        List<String> parsed = new ArrayList<>();
        ParseMemo<String> memo = noting(parsed, line -> "parse of " + line);
        // "Aa" and "BB" have the same hash, so the same slot: the second displaces the first.
        assertEquals("parse of Aa", memo.parse("Aa"));
        assertEquals("parse of BB", memo.parse("BB"));
        assertEquals("parse of Aa", memo.parse("Aa"));
        assertEquals(List.of("Aa", "BB", "Aa"), parsed);
        for (int i = 0; i < 5_000; i++) {
            assertEquals("parse of RCPT TO:<u" + i + "@example.org>", memo.parse("RCPT TO:<u" + i + "@example.org>"));
        }
    }

    @Test
    void aLongLineIsNotKept() {
        List<String> parsed = new ArrayList<>();
        ParseMemo<Integer> memo = noting(parsed, String::length);
        String longLine = "X".repeat(513);
        assertEquals(513, memo.parse(longLine));
        assertEquals(513, memo.parse(longLine));
        assertEquals(2, parsed.size());
        String longest = "Y".repeat(512);
        memo.parse(longest);
        memo.parse(longest);
        assertEquals(3, parsed.size());
    }

    @Test
    void theSmtpParsesReturnTheSameAnswerFromTheMemo() {
        SmtpCommand fresh = SmtpCommand.parse("MAIL FROM:<a@example.org> SIZE=1234\r\n");
        SmtpCommand again = SmtpCommand.parse("MAIL FROM:<a@example.org> SIZE=1234\r\n");
        assertSame(fresh, again);
        assertEquals("a@example.org", again.address());
        assertEquals("1234", again.parameters().get("SIZE"));
        SmtpReply.Line line = SmtpReply.Line.parse("250-PIPELINING");
        assertSame(line, SmtpReply.Line.parse("250-PIPELINING"));
        assertEquals(250, line.code());
        assertEquals(true, line.continued());
    }
}
