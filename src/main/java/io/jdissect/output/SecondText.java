package io.jdissect.output;

import java.util.function.LongFunction;

/**
 * The text of an epoch second (a date, a time of day), made once and given again while the
 * packets stay in that second: formatting a date with java.time costs more than the rest of a
 * small packet's EK line.
 */
final class SecondText {
    private final LongFunction<String> format;
    private long second;
    private String text;

    SecondText(LongFunction<String> format) {
        this.format = format;
    }

    String of(long epochSecond) {
        if (text == null || epochSecond != second) {
            text = format.apply(epochSecond);
            second = epochSecond;
        }
        return text;
    }
}
