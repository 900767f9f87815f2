package io.jdissect.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The folder objects are exported to, with tshark's file naming (export_object.c
 * {@code eo_massage_str}): {@code <>:"/\|?*} and bytes 0x01-0x1f written as {@code %xx}, names
 * cut to 255 bytes keeping the extension, and a name already taken numbered {@code name(1).ext},
 * {@code name(2).ext} … Files are created new: nothing is ever overwritten, and no name can leave
 * the folder. Creating new (O_EXCL) never follows a link already in the folder: a name taken by a
 * link, dangling or not, is numbered like any taken name. Unlike tshark, a name that Windows
 * reserves for a device ({@code CON}, {@code NUL}, {@code COM1} …, with any extension) gets a
 * leading {@code _}, so a subject cannot make the export write to a device there.
 */
final class ExportDirectory {
    private static final int MAX_NAME = 255;
    private static final int MAX_TRIES = 100_000;
    private static final String REJECT = "<>:\"/\\|?*";
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\\$|CONOUT\\$)[ .]*(\\..*)?");

    private final Path dir;

    ExportDirectory(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(this.dir);
    }

    /** Writes {@code content} under the first free variant of {@code name}; returns the file. */
    Path write(String name, byte[] content) throws IOException {
        for (int n = 0; n < MAX_TRIES; n++) {
            String file = massage(name, n);
            if (WINDOWS_DEVICE.matcher(file).matches()) {
                file = "_" + file;
            }
            Path target = dir.resolve(file).normalize();
            if (!dir.equals(target.getParent()) || file.isEmpty() || file.equals(".") || file.equals("..")) {
                file = "object" + (n == 0 ? "" : "(" + n + ")");
                target = dir.resolve(file);
            }
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(content);
                return target;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next number, as tshark does
            }
        }
        throw new IOException("no free file name for " + name + " in " + dir);
    }

    /** eo_massage_str(name, 255, dupn). */
    static String massage(String name, int dupn) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 0x01 && c <= 0x1f) || REJECT.indexOf(c) >= 0) {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else if (c != 0) {
                out.append(c);
            }
        }
        String s = out.toString();
        if (dupn == 0 && utf8Length(s) <= MAX_NAME) {
            return s;
        }
        String tag = dupn == 0 ? "" : "(" + dupn + ")";
        int dot = s.lastIndexOf('.');
        if (dot >= 0 && utf8Length(s.substring(dot)) + tag.length() < MAX_NAME) {
            String ext = s.substring(dot);
            return cut(s.substring(0, dot), MAX_NAME - tag.length() - utf8Length(ext)) + tag + ext;
        }
        return cut(s, MAX_NAME - tag.length()) + tag;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code s} of at most {@code bytes} UTF-8 bytes, whole characters only. */
    private static String cut(String s, int bytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > bytes) {
                break;
            }
            used += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }
}
