package io.jdissect.protocols.imf;

import io.jdissect.testing.SharedTestdata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attachments of the real messages tshark exported from the shared captures, decoded by
 * {@link ImfMessage}: same names, types, decoded sizes and SHA-256 as Python's email package
 * gives ({@code testdata/imf/attachments_reference.tsv}, made by the script beside it), on every
 * message Python reads without defects.
 */
class AttachmentDecodingTest {
    @Test
    void sameAttachmentsAsPythonEmail() throws IOException {
        List<String> reference = new ArrayList<>();
        List<String> defective = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("testdata/imf/attachments_reference.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("# defective\t")) {
                String[] d = line.split("\t");
                defective.add(d[1] + "\t" + d[2]);
            } else {
                reference.add(line);
            }
        }
        List<String> ours = new ArrayList<>();
        ours.add(reference.get(0));
        for (SharedTestdata.Capture c : SharedTestdata.captures()) {
            if (!Files.isDirectory(c.exportImf())) {
                continue;
            }
            try (Stream<Path> files = Files.list(c.exportImf())) {
                for (Path f : files.sorted().toList()) {
                    if (defective.contains(c.name() + "\t" + f.getFileName())) {
                        continue; // broken structure: Python's reading is one guess, ours (tshark's boundaries) another
                    }
                    for (MimeEntity a : ImfMessage.read(f).attachments()) {
                        if (a.fileName() == null && !a.disposition().value().equals("attachment")
                                || a.mediaType().equals("message/rfc822")) {
                            continue; // Python's criterion: named or marked attachment; it opens attached messages
                        }
                        byte[] content = a.decodedBody().bytes();
                        ours.add(String.join("\t", c.name(), f.getFileName().toString(),
                                a.fileName() == null ? "" : a.fileName(), a.mediaType(),
                                Integer.toString(content.length), MimeEntity.sha256(content)));
                    }
                }
            }
        }
        ours.subList(1, ours.size()).sort(null);
        List<String> expected = new ArrayList<>(reference);
        expected.subList(1, expected.size()).sort(null);
        assertEquals(expected, ours);
    }
}
