/**
 * Wireshark 4.0 display filters: {@link io.jdissect.filter.DisplayFilter#compile} parses a filter
 * with the ANTLR grammar in {@code grammars/antlr/io/jdissect/filter/} (lexer and parser, no
 * actions), checks it against the field registry the way tshark's semcheck does (types, unknown
 * fields, literal conversion, with tshark's messages and caret positions, see
 * {@link io.jdissect.filter.FilterException#format}), and compiles it once into a tree of closures;
 * {@link io.jdissect.filter.DisplayFilter#matches} then evaluates a dissected packet without
 * parsing anything.
 *
 * <p>Semantics follow tshark 4.0.17: a relation over a field that occurs several times is true if
 * any pair of values matches ({@code ==}, {@code !==}, ordering, {@code contains}, {@code matches}) or
 * all do ({@code !=}, {@code ===}), unless {@code any}/{@code all} says otherwise; a relation over an
 * absent field is false; {@code #n} selects the n-th occurrence of the field's protocol in the
 * packet; {@code ${field}} takes its values from the selected frame given to
 * {@link io.jdissect.filter.DisplayFilter#compile(String, io.jdissect.api.FieldRegistry, io.jdissect.api.Packet)}
 * (tshark's {@code --selected-frame}); without one such tests are false. Names of protocols tshark knows but jdissect does not dissect compile and are never
 * present.
 *
 * <p>Differences from tshark, by design or not yet done: {@code matches} uses java.util.regex with
 * case-insensitive matching instead of PCRE2 (the syntax users write is the same; PCRE2-only
 * constructs such as {@code \K}, {@code (?R)} or {@code (*VERB)} are compile errors, and characters
 * are matched where PCRE2 matches bytes), and every match is bounded by a step budget so that a
 * catastrophically backtracking pattern cannot hang a capture (the packet then does not match).
 * Host names are not resolved in address literals. Display macros other than field references do
 * not exist (as in a fresh tshark profile).
 */
package io.jdissect.filter;
