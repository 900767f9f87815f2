package io.jdissect.filter;

import java.util.Arrays;

/** The eight display-filter functions of Wireshark 4.0 (epan/dfilter/dfunctions.c) and their arities. */
enum FilterFunction {
    LOWER(1, 1), UPPER(1, 1), LEN(1, 1), COUNT(1, 1), STRING(1, 1), MAX(1, 0), MIN(1, 0), ABS(1, 1);

    final int minArgs;
    /** 0 = unlimited. */
    final int maxArgs;

    FilterFunction(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The name as written in filters ("len"). */
    String filterName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static FilterFunction lookup(String name) {
        return Arrays.stream(values()).filter(f -> f.filterName().equals(name)).findFirst().orElse(null);
    }
}
