package io.jdissect.cli;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The run the launcher records its class data sharing archive from: the command line over one
 * small capture once per kind of work (each output format, a filter, field extraction, the SMTP
 * and IMF paths), output thrown away, so that the archive holds the classes of whatever run comes
 * next. Recorded from the user's first command instead, the archive held only what that command
 * loaded: after {@code jdissect -v}, six hundred application classes were still loaded and
 * verified at every start (-T ek on 100 MB: 0.3 s of CPU).
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /** {@code args[0]}: a capture with SMTP and MIME mail in it. Exits 0 whatever the runs said. */
    public static void main(String[] args) {
        String capture = args[0];
        List<List<String>> runs = List.of(
                List.of("-r", capture),
                List.of("-r", capture, "-V"),
                List.of("-r", capture, "-T", "json"),
                List.of("-r", capture, "-T", "ek"),
                List.of("-r", capture, "-q"),
                List.of("-r", capture, "-Y", "smtp.req.command == \"MAIL\" || imf", "-T", "fields",
                        "-e", "frame.number", "-e", "smtp.req.parameter", "-e", "imf.subject", "-e", "imf.from"));
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> run : runs) {
            new Main(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), nowhere)
                    .run(run.toArray(String[]::new));
        }
        System.exit(0);
    }
}
