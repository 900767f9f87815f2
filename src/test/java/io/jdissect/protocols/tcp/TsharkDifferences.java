package io.jdissect.protocols.tcp;

import io.jdissect.testing.SharedTestdata;

import java.util.HashSet;
import java.util.Set;

/**
 * The frames where the test protocols cannot stand in for tshark's application dissectors, read
 * from tshark's fields.tsv: streams tshark handed to TLS, which asks TCP for reassembly by record
 * length where the test protocols ask by line. There the reassembly fields and Info are not compared.
 */
final class TsharkDifferences {
    private final Set<Integer> tlsStreamFrames = new HashSet<>();

    TsharkDifferences(SharedTestdata.FieldsTable table) {
        int protocols = table.column("frame.protocols");
        int stream = table.column("tcp.stream");
        Set<String> tlsStreams = new HashSet<>();
        for (String[] row : table.rows()) {
            if (row[protocols].contains(":tls")) {
                tlsStreams.add(row[stream]);
            }
        }
        for (String[] row : table.rows()) {
            if (tlsStreams.contains(row[stream])) {
                tlsStreamFrames.add(Integer.parseInt(row[0]));
            }
        }
    }

    /** True when {@code field} of {@code frame} is not comparable (see the class comment). */
    boolean skip(int frame, String field) {
        return tlsStreamFrames.contains(frame) && (field.startsWith("tcp.segment") || field.startsWith("tcp.reassembled")
                || field.equals("_ws.col.Info"));
    }
}
