/**
 * Internet Message Format (RFC 5322) and MIME (RFC 2045-2047, 2231) for jdissect.
 *
 * <h2>tshark's fields</h2>
 * {@link io.jdissect.protocols.imf.ImfDissector} gives tshark 4.0's 85 {@code imf.*} fields with tshark's values,
 * quirks included: values not unfolded, bytes &gt;= 0x80 as U+FFFD, no RFC 2047 decoding, addresses split on
 * every comma, the body handed to {@code media_type} only when Content-Type has parameters.
 * The SMTP dissector calls the handle {@code imf} with the reassembled DATA; {@code message/rfc822} parts come
 * through the {@code media_type} table.
 *
 * <h2>jdissect's own fields (prefix {@code imf.x.})</h2>
 * Added after tshark's items under the IMF item, as generated items (preference {@code imf.x_decoded_fields},
 * default TRUE):
 * <ul>
 * <li>{@code imf.x} the decoded header section; per header field {@code imf.x.header} (value unfolded and
 * RFC 2047-decoded; raw UTF-8 kept) with {@code imf.x.header.name} and {@code imf.x.header.unfolded};</li>
 * <li>{@code imf.x.subject}: the decoded Subject;</li>
 * <li>{@code imf.x.from}, {@code .sender}, {@code .reply_to}, {@code .to}, {@code .cc}, {@code .bcc}: one per
 * mailbox parsed by the RFC 5322 grammar, with {@code imf.x.display_name}, {@code imf.x.address},
 * {@code imf.x.group};</li>
 * <li>expert items {@code imf.x.unknown_charset}, {@code imf.x.header_limit}, {@code imf.x.value_truncated},
 * {@code imf.x.depth_limit}.</li>
 * </ul>
 * Caps (preferences): {@code imf.x_max_headers} (10000 header fields shown per message),
 * {@code imf.x_max_header_length} (65536 characters per decoded value), {@code imf.x_max_depth} (20 nested
 * messages/multiparts dissected).
 *
 * <h2>Standalone messages</h2>
 * {@link io.jdissect.protocols.imf.ImfMessage}: {@code parse}/{@code read} a saved {@code .eml} (headers,
 * addresses, MIME tree, decoded attachments), {@code dissect} it into the same tree a capture shows.
 */
package io.jdissect.protocols.imf;
