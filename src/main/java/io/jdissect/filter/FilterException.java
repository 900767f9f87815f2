package io.jdissect.filter;

/**
 * A display filter that does not compile: tshark's message, and where in the expression the
 * offending token is ({@code position} -1 when tshark shows no caret line).
 */
public final class FilterException extends Exception {
    private final int position;
    private final int length;

    public FilterException(String message, int position, int length) {
        super(message, null, false, false);
        this.position = position;
        this.length = length;
    }

    public int position() {
        return position;
    }

    public int length() {
        return length;
    }

    /**
     * The message as tshark prints it on standard error: the message, then (when a position is
     * known) the expression indented four spaces and a caret line {@code ^~~~} under the token.
     */
    public String format(String expression) {
        StringBuilder sb = new StringBuilder(getMessage());
        if (position >= 0) {
            sb.append('\n').append("    ").append(expression).append('\n').append("    ");
            sb.append(" ".repeat(position)).append('^').append("~".repeat(Math.max(0, length - 1)));
        }
        return sb.toString();
    }
}
