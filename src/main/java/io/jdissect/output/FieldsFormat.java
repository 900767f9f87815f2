package io.jdissect.output;

/**
 * The {@code -E} options of {@code -T fields}: header row, separator, which occurrences of a field,
 * how occurrences are joined, quoting, and the UTF-8 BOM; defaults as tshark's.
 */
public final class FieldsFormat {
    private boolean header;
    private char separator = '\t';
    private char occurrence = 'a';
    private char aggregator = ',';
    private char quote;
    private boolean bom;

    /**
     * Applies one {@code -E name=value}; throws IllegalArgumentException with tshark's message when
     * it is not a valid option=value pair.
     */
    public FieldsFormat set(String option) {
        int eq = option.indexOf('=');
        String name = eq < 0 ? option : option.substring(0, eq);
        String value = eq < 0 ? "" : option.substring(eq + 1);
        boolean ok;
        switch (name) {
            case "header":
                ok = yesNo(value);
                header = ok && isYes(value);
                break;
            case "bom":
                ok = yesNo(value);
                bom = ok && isYes(value);
                break;
            case "separator":
                ok = !value.isEmpty();
                separator = value.equals("/t") ? '\t' : value.equals("/s") ? ' ' : ok ? value.charAt(0) : separator;
                break;
            case "aggregator":
                ok = !value.isEmpty();
                aggregator = value.equals("/s") ? ' ' : ok ? value.charAt(0) : aggregator;
                break;
            case "occurrence":
                ok = value.equals("f") || value.equals("l") || value.equals("a");
                occurrence = ok ? value.charAt(0) : occurrence;
                break;
            case "quote":
                ok = value.equals("d") || value.equals("s") || value.equals("n");
                quote = !ok ? quote : value.equals("d") ? '"' : value.equals("s") ? '\'' : 0;
                break;
            default:
                ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException("\"" + option + "\" is not a valid field output option=value pair.");
        }
        return this;
    }

    private static boolean yesNo(String v) {
        return v.equalsIgnoreCase("y") || v.equalsIgnoreCase("n");
    }

    private static boolean isYes(String v) {
        return v.equalsIgnoreCase("y");
    }

    public boolean header() {
        return header;
    }

    public char separator() {
        return separator;
    }

    /** 'f' first, 'l' last, 'a' all. */
    public char occurrence() {
        return occurrence;
    }

    public char aggregator() {
        return aggregator;
    }

    /** The quote character, or 0 for none. */
    public char quote() {
        return quote;
    }

    public boolean bom() {
        return bom;
    }
}
