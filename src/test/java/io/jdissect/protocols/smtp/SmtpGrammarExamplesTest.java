package io.jdissect.protocols.smtp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The grammar's examples folder as a regression suite: every line of {@code examples/*.txt} parses
 * to the summary on the same line of the matching {@code .expected} file. Set
 * {@code -Djdissect.smtp.examples.update=true} to rewrite the expected files after a deliberate change
 * (then review the diff).
 */
class SmtpGrammarExamplesTest {
    static final Path EXAMPLES = Path.of("grammars/antlr/io/jdissect/protocols/smtp/examples");

    @Test
    void commands() throws IOException {
        check("commands", l -> SmtpCommand.parse(l).toString());
    }

    @Test
    void replies() throws IOException {
        check("replies", l -> SmtpReply.parse(l).toString());
    }

    private static void check(String name, Function<String, String> parse) throws IOException {
        List<String> actual = new ArrayList<>();
        for (String l : Files.readAllLines(EXAMPLES.resolve(name + ".txt"), StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                actual.add(l + "\t=> " + parse.apply(l));
            }
        }
        Path expected = EXAMPLES.resolve(name + ".expected");
        if (Boolean.getBoolean("jdissect.smtp.examples.update")) {
            Files.write(expected, actual, StandardCharsets.UTF_8);
        }
        assertEquals(String.join("\n", Files.readAllLines(expected, StandardCharsets.UTF_8)), String.join("\n", actual));
    }
}
