package io.jdissect.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exported names never leave the folder and never overwrite: absolute paths, Windows paths,
 * parent references, device names, links already in the folder (to a file outside, or dangling),
 * a folder in the way, control characters.
 */
class ExportDirectoryTest {
    @Test
    void absoluteAndWindowsPathsStayInTheFolder(@TempDir Path dir) throws IOException {
        ExportDirectory d = new ExportDirectory(dir);
        for (String name : List.of("/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\x", "..\\..\\x",
                "a/../../b", "...", "", ".", "..", "\u0000", "x\u0000/../../y")) {
            Path p = d.write(name, new byte[] {1});
            assertEquals(dir.toAbsolutePath().normalize(), p.getParent(), name);
            assertTrue(Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), name);
        }
        assertEquals(11, count(dir));
    }

    @Test
    void windowsDeviceNamesGetAPrefix(@TempDir Path dir) throws IOException {
        ExportDirectory d = new ExportDirectory(dir);
        for (String name : List.of("CON", "nul.eml", "Com1.txt", "lpt9", "AUX .eml", "conout$")) {
            String file = d.write(name, new byte[] {1}).getFileName().toString();
            assertEquals("_" + name, file);
        }
        // Only the device names themselves: longer names are left alone.
        assertEquals("CONTRACT.eml", d.write("CONTRACT.eml", new byte[0]).getFileName().toString());
        assertEquals("com10", d.write("com10", new byte[0]).getFileName().toString());
    }

    @Test
    void linksInTheFolderAreNeverFollowed(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path outside = Files.write(tmp.resolve("precious"), new byte[] {42});
        Files.createSymbolicLink(dir.resolve("report.eml"), outside);
        Files.createSymbolicLink(dir.resolve("dangling.eml"), tmp.resolve("nothing-here"));
        ExportDirectory d = new ExportDirectory(dir);
        Path a = d.write("report.eml", new byte[] {1});
        Path b = d.write("dangling.eml", new byte[] {2});
        assertEquals("report(1).eml", a.getFileName().toString());
        assertEquals("dangling(1).eml", b.getFileName().toString());
        assertArrayEquals(new byte[] {42}, Files.readAllBytes(outside));
        assertFalse(Files.exists(tmp.resolve("nothing-here")));
    }

    @Test
    void existingFilesAndFoldersAreNeverOverwritten(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.eml"), new byte[] {7});
        Files.createDirectory(dir.resolve("b.eml"));
        ExportDirectory d = new ExportDirectory(dir);
        assertEquals("a(1).eml", d.write("a.eml", new byte[] {1}).getFileName().toString());
        assertEquals("b(1).eml", d.write("b.eml", new byte[] {1}).getFileName().toString());
        assertEquals("a(2).eml", d.write("a.eml", new byte[] {2}).getFileName().toString());
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(dir.resolve("a.eml")));
        assertTrue(Files.isDirectory(dir.resolve("b.eml")));
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
