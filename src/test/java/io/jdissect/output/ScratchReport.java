package io.jdissect.output;

import io.jdissect.testing.OutputComparison;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class ScratchReport {
    @Test
    void report() throws Exception {
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        for (var cap : SharedTestdata.captures()) {
            OutputComparison c;
            try { c = new OutputComparison(cap); } catch (Throwable t) { continue; }
            for (String what : List.of("json", "ek", "V", "summary")) {
                List<String> m;
                try {
                    m = switch (what) {
                        case "json" -> c.json();
                        case "ek" -> c.ek();
                        case "V" -> c.verbose();
                        default -> c.summary(OutputComparison.resourceLines("/tshark-summary/" + cap.name() + ".txt"), TimeFormat.RELATIVE);
                    };
                } catch (Exception e) {
                    m = List.of("EXCEPTION " + e);
                }
                for (String s : m) {
                    String k = what + " " + s.replaceAll("^frame \\d+ ", "").replaceAll("(tshark|jdissect) .*", "").replaceAll("line \\d+", "line N").replaceAll("\\[\\d+\\]", "[i]");
                    kinds.merge(k, 1, Integer::sum);
                    example.putIfAbsent(k, cap.name() + ": " + s);
                }
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of("/tmp/scratch/report.txt")))) {
            kinds.forEach((k, v) -> w.println(v + "\t" + k + "\n\t\t" + example.get(k)));
        }
    }
}
