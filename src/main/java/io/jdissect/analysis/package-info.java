/**
 * The implementation behind {@link io.jdissect.api.Analysis}: the events derived from dissected
 * packets ({@link io.jdissect.analysis.StreamEvents}) and the built-in analyzers of {@code -z}
 * (tshark's taps in tshark 4.0's layout, and jdissect's own SMTP ones).
 */
package io.jdissect.analysis;
