package io.jdissect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The mutation run's escape check sees files written beside the export folder, not only inside it. */
class ExportFolderTest {
    @TempDir
    Path scratch;

    @Test
    void filesInsideAreFine() throws IOException {
        ExportFolder f = ExportFolder.create(scratch);
        assertNull(f.escape(), "nothing exported");
        Files.createDirectories(f.dir().resolve("sub"));
        Files.writeString(f.dir().resolve("sub/a.eml"), "x");
        assertNull(f.escape());
    }

    @Test
    void aNameClimbingOutIsAnEscape() throws IOException {
        ExportFolder f = ExportFolder.create(scratch);
        Files.createDirectories(f.dir());
        Files.writeString(f.dir().resolve("../evil.eml"), "x");
        assertEquals("export outside its folder: evil.eml", f.escape());
    }

    @Test
    void aLinkInsideIsAnEscape() throws IOException {
        ExportFolder f = ExportFolder.create(scratch);
        Files.createDirectories(f.dir());
        Files.createSymbolicLink(f.dir().resolve("link.eml"), scratch);
        assertEquals("export made a link", f.escape());
        f.delete();
        try (var s = Files.list(scratch)) {
            assertFalse(s.findAny().isPresent(), "delete removes the parent folder too");
        }
    }
}
