package io.jdissect.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expression of {@code matches}: PCRE2 in tshark, case-insensitive by default, run
 * here with java.util.regex. Most PCRE2 syntax means the same in Java; differences: Java has no
 * {@code \K}, callouts, recursion {@code (?R)} or {@code (*VERB)}s (these are compile errors here),
 * and tshark matches bytes ({@code .} is one byte of UTF-8) where Java matches characters.
 * Matching is bounded: the text is read through a {@link CharSequence} that counts every access
 * and gives up after a budget, so a catastrophically backtracking pattern cannot hang a capture
 * (the packet then does not match).
 */
final class BoundedRegex {
    /** Character reads allowed per match attempt; enough for linear scans of very large fields. */
    private static final long BUDGET = 10_000_000L;

    private final Pattern pattern;

    private BoundedRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles a pattern, or throws with tshark's message "Regex compilation error: …". */
    static BoundedRegex compile(String regex) throws FilterException {
        try {
            return new BoundedRegex(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            throw new FilterException("Regex compilation error: " + pcreMessage(e) + ".", -1, 0);
        }
    }

    /** PCRE2's wording for the errors users meet most. */
    private static String pcreMessage(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) {
            return "missing closing parenthesis";
        }
        if (d.startsWith("Unmatched closing ')'")) {
            return "unmatched closing parenthesis";
        }
        if (d.startsWith("Unclosed character class")) {
            return "missing terminating ] for character class";
        }
        if (d.startsWith("Dangling meta character")) {
            return "quantifier does not follow a repeatable item";
        }
        if (d.startsWith("Illegal repetition")) {
            return "quantifier does not follow a repeatable item";
        }
        if (d.startsWith("Unexpected internal error") || d.startsWith("Unexpected end")) {
            return "\\ at end of pattern";
        }
        return d.toLowerCase(java.util.Locale.ROOT);
    }

    boolean find(CharSequence text) {
        try {
            return pattern.matcher(new Budgeted(text)).find();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** A view of the text that stops the matcher once it has read too many characters. */
    private static final class Budgeted implements CharSequence {
        private final CharSequence text;
        private final long[] remaining;

        Budgeted(CharSequence text) {
            this(text, new long[] {BUDGET});
        }

        private Budgeted(CharSequence text, long[] remaining) {
            this.text = text;
            this.remaining = remaining;
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.subSequence(start, end), remaining);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
