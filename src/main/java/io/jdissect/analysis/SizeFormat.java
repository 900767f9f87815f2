package io.jdissect.analysis;

/** Byte counts as tshark 4.0's conversation table prints them (wsutil format_size, SI prefixes, unit "bytes"/"B"). */
final class SizeFormat {
    private SizeFormat() {
    }

    /** "1724 bytes", "433 kB", "12 MB": a prefix once the count reaches ten of its unit, integer division. */
    static String bytes(long size) {
        String[] prefixes = {"T", "G", "M", "k"};
        long[] units = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (size / units[i] >= 10) {
                return size / units[i] + " " + prefixes[i] + "B";
            }
        }
        return size + " bytes";
    }
}
