package io.jdissect.bench.read;

import io.jdissect.capture.CaptureFiles;
import io.jdissect.capture.CaptureReader;
import io.jdissect.capture.CaptureRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The floor under every workload: reads each record of a capture through the core's
 * {@link CaptureReader} and dissects nothing. Prints the record count and the captured bytes, which
 * bench/run.sh also uses as the file's packet count.
 */
public final class ReadRecords {
    private ReadRecords() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReadRecords CAPTURE");
            System.exit(2);
        }
        long records = 0;
        long captured = 0;
        try (CaptureReader reader = CaptureFiles.open(Path.of(args[0]))) {
            for (CaptureRecord r = reader.next(); r != null; r = reader.next()) {
                records++;
                captured += r.capturedLength();
            }
        }
        System.out.println(records + " " + captured);
    }
}
