package io.jdissect.export;

import io.jdissect.api.JDissect;
import io.jdissect.protocols.imf.ImfMessage;
import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code --export-objects imf} on the messages of every shared capture writes the files tshark
 * wrote ({@code X.export-imf/}): same names (Subject escaped, clashes numbered), same bytes. The
 * messages are tshark's own exports; nested {@code message/rfc822} parts come out of their parent.
 */
class ExportImfMatchesTsharkTest {
    @Test
    void sameFilesAsTshark(@TempDir Path tmp) throws IOException {
        JDissect setup = JDissect.create();
        int checked = 0;
        for (SharedTestdata.Capture c : SharedTestdata.captures()) {
            if (!Files.isDirectory(c.exportImf())) {
                continue;
            }
            Map<String, byte[]> tshark = read(c.exportImf());
            Path out = tmp.resolve(c.name());
            try (ExportObjects eo = ExportObjects.create("imf", out)) {
                // Feed in tshark's order for equal names: "x.eml" before "x(1).eml" before "x(2).eml".
                List<String> order = new ArrayList<>(tshark.keySet());
                order.sort((a, b) -> {
                    int byBase = unnumbered(a).compareTo(unnumbered(b));
                    return byBase != 0 ? byBase : Integer.compare(number(a), number(b));
                });
                for (String name : order) {
                    if (!nestedInAnother(tshark.get(name), tshark)) {
                        eo.accept(ImfMessage.dissect(tshark.get(name), setup));
                    }
                }
            }
            Map<String, byte[]> ours = read(out);
            assertEquals(tshark.keySet(), ours.keySet(), c.name());
            for (String name : tshark.keySet()) {
                assertArrayEquals(tshark.get(name), ours.get(name), c.name() + " " + name);
                checked++;
            }
        }
        assertEquals(true, checked > 30, "files compared: " + checked);
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("^(.*)\\((\\d+)\\)(\\.eml)$");

    private static String unnumbered(String name) {
        java.util.regex.Matcher m = NUMBERED.matcher(name);
        return m.matches() ? m.group(1) + m.group(3) : name;
    }

    private static int number(String name) {
        java.util.regex.Matcher m = NUMBERED.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    private static boolean nestedInAnother(byte[] message, Map<String, byte[]> all) {
        for (byte[] other : all.values()) {
            if (other.length > message.length && indexOf(other, message) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
