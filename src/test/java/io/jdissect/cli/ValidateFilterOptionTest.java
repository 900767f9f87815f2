package io.jdissect.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code --validate-filter}: jdissect's own check of a display filter, no capture needed. */
class ValidateFilterOptionTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validFilterShowsTypedFormAndFieldsInFilterOrder() {
        Result r = run("--validate-filter", "smtp.req.command == \"MAIL\" && tcp.port in {25, 587}");
        assertEquals(0, r.code, r.err);
        assertEquals("Filter: (smtp.req.command <FT_STRING> any_eq \"MAIL\" <FT_STRING> and tcp.port <FT_UINT16> in"
                + " {25 <FT_UINT16>, 587 <FT_UINT16>})\nFields used: smtp.req.command, tcp.port\n", r.out);
        assertEquals("", r.err);
    }

    @Test
    void invalidFilterGivesTsharksMessageAndExitTwo() {
        // tshark -Y 'tcp.port in {25 587}' (4.0.17) prints the same three lines after "tshark: ".
        Result r = run("--validate-filter", "tcp.port in {25 587}");
        assertEquals(2, r.code);
        assertEquals("jdissect: \"587\" was unexpected in this context.\n    tcp.port in {25 587}\n"
                + "                    ^~~\n", r.err);
        assertEquals("", r.out);
    }
}
