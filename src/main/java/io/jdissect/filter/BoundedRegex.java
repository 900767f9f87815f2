package io.jdissect.filter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expression of {@code matches}: PCRE2 in tshark (compiled caseless and never-UTF, so
 * it matches bytes), run here with java.util.regex on the same bytes: pattern and text are both
 * turned into one character per byte (ISO-8859-1 over their UTF-8), so {@code .} is one byte and
 * case folding is ASCII only, as in tshark. PCRE2 syntax Java spells differently is translated:
 * POSIX classes ({@code [[:digit:]]}), Python-style named groups ({@code (?P<n>…)},
 * {@code (?P=n)}) and a {@code {} that does not start a quantifier (a literal in PCRE2). What Java
 * lacks ({@code \K}, recursion, {@code (*VERB)}s, callouts) is a compile error.
 *
 * <p>Matching is bounded: the text is read through a {@link CharSequence} that counts every access
 * and gives up after a budget, so a catastrophically backtracking pattern cannot hang a capture
 * (the packet then does not match).
 */
final class BoundedRegex {
    /** Character reads allowed per match attempt; enough for linear scans of very large fields. */
    private static final long BUDGET = 10_000_000L;

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\s"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));

    private final Pattern pattern;
    private final String source;

    private BoundedRegex(Pattern pattern, String source) {
        this.pattern = pattern;
        this.source = source;
    }

    /** Compiles a pattern given as bytes, or throws with tshark's message "Regex compilation error: …". */
    static BoundedRegex compile(byte[] regex) throws FilterException {
        String bytes = new String(regex, StandardCharsets.ISO_8859_1);
        try {
            return new BoundedRegex(Pattern.compile(translate(bytes), Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES),
                    new String(regex, StandardCharsets.UTF_8));
        } catch (PatternSyntaxException e) {
            throw new FilterException("Regex compilation error: " + pcreMessage(e) + ".", -1, 0);
        }
    }

    /** Rewrites the PCRE2 constructs Java spells differently. */
    static String translate(String p) {
        StringBuilder out = new StringBuilder(p.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                if (p.charAt(i + 1) == 'Q') {
                    int end = p.indexOf("\\E", i + 2);
                    end = end < 0 ? p.length() : end + 2;
                    out.append(p, i, end);
                    i = end - 1;
                } else {
                    out.append(c).append(p.charAt(i + 1));
                    i++;
                }
            } else if (inClass) {
                if (c == '[' && p.startsWith("[:", i)) {
                    int end = p.indexOf(":]", i + 2);
                    String name = end < 0 ? null : p.substring(i + 2, end);
                    boolean negated = name != null && name.startsWith("^");
                    String cls = name == null ? null : POSIX_CLASSES.get(negated ? name.substring(1) : name);
                    if (cls != null) {
                        out.append(negated ? negate(cls) : cls);
                        i = end + 1;
                        continue;
                    }
                    out.append("\\[");
                } else if (c == '[') {
                    out.append("\\[");
                } else {
                    out.append(c);
                    if (c == ']') {
                        inClass = false;
                    }
                }
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                // a ']' right after '[' or '[^' is a literal member in PCRE2
                int j = i + 1;
                if (j < p.length() && p.charAt(j) == '^') {
                    out.append('^');
                    j++;
                }
                if (j < p.length() && p.charAt(j) == ']') {
                    out.append("\\]");
                    j++;
                }
                i = j - 1;
            } else if (c == '{' && !isQuantifier(p, i)) {
                out.append("\\{");
            } else if (p.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
            } else if (p.startsWith("(?P=", i)) {
                int end = p.indexOf(')', i);
                if (end < 0) {
                    out.append(c);
                    continue;
                }
                out.append("\\k<").append(p, i + 4, end).append('>');
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String negate(String cls) {
        return cls.startsWith("\\p") ? "\\P" + cls.substring(2) : cls.toUpperCase(java.util.Locale.ROOT);
    }

    /** {n}, {n,} or {n,m}: anything else is a literal '{' in PCRE2 10.42. */
    private static boolean isQuantifier(String p, int i) {
        int j = i + 1;
        int digits = j;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
        }
        if (j == digits) {
            return false;
        }
        if (j < p.length() && p.charAt(j) == ',') {
            j++;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j < p.length() && p.charAt(j) == '}';
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
        if (d.startsWith("Illegal repetition range")) {
            return "numbers out of order in {} quantifier";
        }
        if (d.startsWith("Dangling meta character") || d.startsWith("Illegal repetition")) {
            return "quantifier does not follow a repeatable item";
        }
        if (d.startsWith("Unexpected internal error") || d.startsWith("Unexpected end")) {
            return "\\ at end of pattern";
        }
        return d.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the pattern occurs in {@code text}, matched as the bytes of its UTF-8 (strings) or as bytes. */
    boolean find(CharSequence text) {
        try {
            return pattern.matcher(new Budgeted(text)).find();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return source;
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
