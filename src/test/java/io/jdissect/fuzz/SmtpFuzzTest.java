package io.jdissect.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jdissect.protocols.smtp.SmtpCommand;
import io.jdissect.protocols.smtp.SmtpReply;

import java.nio.charset.StandardCharsets;

/** Any text as SMTP command and reply lines: the grammar-based parsers never throw. */
class SmtpFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void lines(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n", -1)) {
            SmtpCommand.parse(line);
        }
        SmtpReply.parse(text);
    }
}
