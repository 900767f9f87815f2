package io.jdissect.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class EarlySetupTest {
    private static CliOptions options(String... args) {
        return CliOptions.of(CliOptions.commandLine().parseArgs(args));
    }

    @Test
    void aCommandLineWithoutPluginsPreferencesOrDecodeAsTakesTheEarlySetup() {
        EarlySetup.Setup s = EarlySetup.start().take(options("-r", "x.pcap", "-Y", "smtp"), w -> { });
        assertNotNull(s);
        assertNotNull(s.plugins());
        assertNotNull(s.jd().registry().fields().lookup("smtp.req.command"));
    }

    @Test
    void pluginsPreferencesAndDecodeAsAreSetUpAnew() {
        assertNull(EarlySetup.start().take(options("-r", "x.pcap", "--plugins", "/nonexistent"), w -> { }));
        assertNull(EarlySetup.start().take(options("-r", "x.pcap", "-o", "smtp.decryption:TRUE"), w -> { }));
        assertNull(EarlySetup.start().take(options("-r", "x.pcap", "-d", "tcp.port==2525,smtp"), w -> { }));
    }

    @Test
    void warningsWaitForTheTakerThenGoStraightToIt() {
        EarlySetup.Warnings warnings = new EarlySetup.Warnings();
        warnings.accept("first");
        warnings.accept("second");
        List<String> said = new ArrayList<>();
        warnings.forwardTo(said::add);
        assertEquals(List.of("first", "second"), said);
        warnings.accept("during the dissection");
        assertEquals(List.of("first", "second", "during the dissection"), said);
    }
}
