/**
 * MIME multipart ({@code mime_multipart}) as tshark 4.0's packet-multipart.c, and the generic {@code media}
 * fallback. jdissect's own fields (preference {@code mime_multipart.x_decoded_fields}, default TRUE), under each
 * {@code mime_multipart.part}: {@code mime_multipart.x.filename} (Content-Disposition filename or Content-Type
 * name, RFC 2231/2047 decoded), {@code mime_multipart.x.decoded_length} and {@code mime_multipart.x.sha256} of
 * the content with its Content-Transfer-Encoding removed (exactly the bytes between the part's header section
 * and the CRLF before the next boundary); expert items {@code mime_multipart.x.invalid_encoding} and
 * {@code mime_multipart.x.depth_limit}.
 */
package io.jdissect.protocols.multipart;
