package io.jdissect.plugins.c2;

import java.util.HashMap;
import java.util.Map;

/**
 * Measures of how random a string looks: Shannon entropy of its characters, and how often
 * neighbouring characters change class (upper case, lower case, digit, other). Entropy alone does
 * not separate random tokens from prose (an English sentence has about 4 bits per character, as
 * much as a random 24-character token), so callers look at tokens without spaces and ask for both.
 */
final class Entropy {
    private Entropy() {
    }

    /** Shannon entropy in bits per character (UTF-16 code unit); 0 for an empty string. */
    static double shannon(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(s.charAt(i), 1, Integer::sum);
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /**
     * Share of neighbouring character pairs whose classes differ: about 0.6 for random letters and
     * digits, 0.47 for random hex, under 0.2 for words and CamelCase names.
     */
    static double classChangeRatio(CharSequence s) {
        int n = s.length();
        if (n < 2) {
            return 0;
        }
        int changes = 0;
        for (int i = 1; i < n; i++) {
            if (charClass(s.charAt(i)) != charClass(s.charAt(i - 1))) {
                changes++;
            }
        }
        return (double) changes / (n - 1);
    }

    private static int charClass(char c) {
        if (c >= 'A' && c <= 'Z') {
            return 0;
        }
        if (c >= 'a' && c <= 'z') {
            return 1;
        }
        if (c >= '0' && c <= '9') {
            return 2;
        }
        return 3;
    }
}
