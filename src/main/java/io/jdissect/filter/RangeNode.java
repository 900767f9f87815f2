package io.jdissect.filter;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * One range of a slice or layer list (Wireshark's drange_node): {@code i:j} (start, length),
 * {@code i-j} (start, inclusive end), {@code i} (one), {@code :j}, {@code i:}; negative offsets
 * count from the end.
 */
record RangeNode(String text, int start, Ending ending, int lengthOrEnd) {
    enum Ending { LENGTH, OFFSET, TO_THE_END }

    /** Parses a range as drange_node_from_str does, with its error messages. */
    static RangeNode parse(String text) throws RangeException {
        Cursor c = new Cursor(text);
        int lower = 0;
        if (!c.at(':')) {
            lower = c.integer();
        }
        c.skipSpaces();
        RangeNode node;
        if (c.at('-')) {
            c.pos++;
            node = new RangeNode(text, lower, Ending.OFFSET, upperBound(c, text));
        } else if (c.at(':')) {
            c.pos++;
            if (c.pos == text.length()) {
                node = new RangeNode(text, lower, Ending.TO_THE_END, 0);
            } else {
                node = new RangeNode(text, lower, Ending.LENGTH, upperBound(c, text));
            }
        } else if (c.pos == text.length()) {
            node = new RangeNode(text, lower, Ending.LENGTH, 1);
        } else {
            throw new RangeException("\"" + text + "\" is not a valid range.");
        }
        c.skipSpaces();
        if (c.pos != text.length()) {
            throw new RangeException("\"" + text + "\" is not a valid range.");
        }
        if (node.ending == Ending.LENGTH && node.lengthOrEnd <= 0) {
            throw new RangeException("Range " + text + " isn't valid because length " + node.lengthOrEnd
                    + " isn't positive");
        }
        if (node.ending == Ending.OFFSET) {
            int upper = node.lengthOrEnd;
            if ((lower < 0 && upper > 0) || (lower > 0 && upper < 0)) {
                throw new RangeException("Range " + text + " isn't valid because " + lower + " and " + upper
                        + " have different signs");
            }
            if (upper <= lower) {
                throw new RangeException("Range " + text + " isn't valid because " + lower
                        + " is greater or equal than " + upper);
            }
        }
        return node;
    }

    /** A bad end or length makes the whole range invalid (tshark overwrites the number's message). */
    private static int upperBound(Cursor c, String text) throws RangeException {
        try {
            return c.integer();
        } catch (RangeException e) {
            throw new RangeException("\"" + text + "\" is not a valid range.");
        }
    }

    /** The bytes of {@code data} a list of ranges selects; a range outside the data ends the slice. */
    static byte[] slice(byte[] data, List<RangeNode> ranges) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = data.length;
        for (RangeNode r : ranges) {
            int start = r.start;
            if (start < 0) {
                start += n;
                if (start < 0) {
                    break;
                }
            }
            int length;
            if (r.ending == Ending.TO_THE_END) {
                length = n - start;
                if (length <= 0) {
                    break;
                }
            } else if (r.ending == Ending.LENGTH) {
                length = r.lengthOrEnd;
                if ((long) start + length > n) {
                    break;
                }
            } else {
                int end = r.lengthOrEnd;
                if (end < 0) {
                    end += n;
                    if (end < start) {
                        break;
                    }
                } else if (end >= n) {
                    break;
                }
                length = end - start + 1;
            }
            out.write(data, start, length);
        }
        return out.toByteArray();
    }

    /** Whether protocol layer {@code layer} (1-based) of {@code count} layers is in the list. */
    static boolean containsLayer(List<RangeNode> ranges, int layer, int count) {
        for (RangeNode r : ranges) {
            int lower = r.start < 0 ? r.start + count + 1 : r.start;
            long upper = switch (r.ending) {
                case LENGTH -> (long) lower + r.lengthOrEnd - 1;
                case OFFSET -> r.lengthOrEnd;
                case TO_THE_END -> Integer.MAX_VALUE;
            };
            if (layer >= lower && layer <= upper) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A range that does not parse, with tshark's message. */
    static final class RangeException extends Exception {
        RangeException(String message) {
            super(message, null, false, false);
        }
    }

    /** strtol(…, 0) over the range text. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean at(char ch) {
            return pos < s.length() && s.charAt(pos) == ch;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        int integer() throws RangeException {
            int begin = pos;
            skipSpaces();
            boolean negative = false;
            if (at('+') || at('-')) {
                negative = at('-');
                pos++;
            }
            int radix = 10;
            if (pos + 1 < s.length() && s.charAt(pos) == '0' && (s.charAt(pos + 1) == 'x' || s.charAt(pos + 1) == 'X')
                    && pos + 2 < s.length() && Character.digit(s.charAt(pos + 2), 16) >= 0) {
                radix = 16;
                pos += 2;
            } else if (at('0')) {
                radix = 8;
            }
            int digitsStart = pos;
            long value = 0;
            boolean overflow = false;
            while (pos < s.length() && Character.digit(s.charAt(pos), radix) >= 0) {
                value = value * radix + Character.digit(s.charAt(pos), radix);
                if (value > Integer.MAX_VALUE + 1L) {
                    overflow = true;
                }
                pos++;
            }
            if (pos == digitsStart) {
                pos = begin;
                throw new RangeException("\"" + s.substring(begin) + "\" is not a valid number.");
            }
            value = negative ? -value : value;
            if (overflow || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                throw new RangeException("\"" + s.substring(begin) + "\" causes an integer overflow.");
            }
            return (int) value;
        }
    }
}
