package io.jdissect.protocols.tcp;

import io.jdissect.testing.SharedTestdata;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The frames where jdissect cannot match tshark's TCP for reasons outside TCP, read from tshark's
 * fields.tsv: frames whose TCP header tshark found quoted in an ICMP error (jdissect has no ICMP
 * dissector; tshark's quoted segment also moves the stream's tcp.time_delta clock), and streams
 * tshark handed to TLS (which asks TCP for its own reassembly; the test protocols do not).
 */
final class TsharkDifferences {
    private final Set<Integer> icmpQuoted = new HashSet<>();
    private final Set<Integer> afterIcmpQuote = new HashSet<>();
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
        Map<String, Boolean> quotedLast = new HashMap<>();
        for (String[] row : table.rows()) {
            int frame = Integer.parseInt(row[0]);
            String s = row[stream];
            if (row[protocols].contains(":icmp:")) {
                icmpQuoted.add(frame);
                quotedLast.put(s, true);
                continue;
            }
            if (quotedLast.getOrDefault(s, false)) {
                afterIcmpQuote.add(frame);
                quotedLast.put(s, false);
            }
            if (tlsStreams.contains(s)) {
                tlsStreamFrames.add(frame);
            }
        }
    }

    /** True when {@code field} of {@code frame} is not comparable (see the class comment). */
    boolean skip(int frame, String field) {
        if (icmpQuoted.contains(frame)) {
            return true;
        }
        if (afterIcmpQuote.contains(frame) && field.equals("tcp.time_delta")) {
            return true;
        }
        return tlsStreamFrames.contains(frame) && (field.startsWith("tcp.segment") || field.startsWith("tcp.reassembled")
                || field.equals("_ws.col.Info"));
    }
}
