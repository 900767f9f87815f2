package io.jdissect.plugins.c2;

/**
 * One piece of evidence: a field of a frame and its value. Fields named as jdissect names them
 * ({@code smtp.req.command}, {@code imf.extension.value}, {@code smtp.x.auth.username} …) hold the
 * value the dissector gave, so they can be checked with {@code tshark -T fields} or {@code -Y};
 * fields named {@code c2.*} are the analyzer's own measurements (entropy, blob length, interval).
 */
record Evidence(long frame, String field, String value) {
}
