package io.jdissect.plugins.c2;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds tokens in a subject or file name that look machine-made: an identifier, a key, an encoded
 * command. A token is a run of printable ASCII without spaces or punctuation other than the base64
 * alphabet's {@code + / =}; it is random-looking when it is at least {@code minLength} long, its
 * Shannon entropy reaches {@code entropy} bits per character, and its character classes change
 * often ({@link #MIN_CLASS_CHANGES}) — which keeps long words, compound names and dates out.
 * Non-ASCII text (a decoded CJK subject) is never a token: its entropy says nothing about encoding.
 */
final class RandomTokens {
    /** Share of class changes below which a token reads as words (see {@link Entropy#classChangeRatio}). */
    static final double MIN_CLASS_CHANGES = 0.3;

    /** A random-looking token with its entropy and what it looks like ("hex", "base64" or "random"). */
    record Token(String text, double entropy, String looksLike) {
    }

    private final int minLength;
    private final double entropy;

    RandomTokens(int minLength, double entropy) {
        this.minLength = minLength;
        this.entropy = entropy;
    }

    /** The random-looking tokens of {@code text}, in order. */
    List<Token> find(String text) {
        List<Token> found = new ArrayList<>(1);
        int i = 0;
        while (i < text.length()) {
            if (!tokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && tokenChar(text.charAt(i))) {
                i++;
            }
            String t = text.substring(start, i);
            if (t.length() >= minLength) {
                double h = Entropy.shannon(t);
                if (h >= entropy && Entropy.classChangeRatio(t) >= MIN_CLASS_CHANGES) {
                    found.add(new Token(t, h, EncodedRuns.looksLike(t)));
                }
            }
        }
        return found;
    }

    private static boolean tokenChar(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '+' || c == '/' || c == '=';
    }
}
