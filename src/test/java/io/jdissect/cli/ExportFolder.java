package io.jdissect.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder one mutation run exports into, made inside a fresh parent folder of its own, so that a
 * file written outside the export folder (a name that climbed out with {@code ..}, a link followed)
 * shows up beside it: walking the export folder alone could never see an escape.
 */
final class ExportFolder {
    private final Path parent;
    private final Path dir;

    private ExportFolder(Path parent) {
        this.parent = parent;
        this.dir = parent.resolve("export");
    }

    /** A new parent folder under {@code scratch}; the export folder itself is left for the run to create. */
    static ExportFolder create(Path scratch) throws IOException {
        return new ExportFolder(Files.createTempDirectory(scratch, "export-parent-"));
    }

    /** Where the run exports ({@code --export-objects PROTO,DIR}). */
    Path dir() {
        return dir;
    }

    /** What escaped, or null: anything in the parent but the export folder, or a link inside it. */
    String escape() throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            List<Path> outside = s.filter(p -> !p.equals(dir)).toList();
            if (!outside.isEmpty()) {
                return "export outside its folder: " + outside.get(0).getFileName();
            }
        }
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(Files::isSymbolicLink) ? "export made a link" : null;
        }
    }

    /** Removes the parent and everything in it. */
    void delete() throws IOException {
        try (Stream<Path> s = Files.walk(parent)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
