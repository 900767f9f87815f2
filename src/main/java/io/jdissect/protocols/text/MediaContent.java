package io.jdissect.protocols.text;

/**
 * The media type a caller (IMF, MIME multipart) hands to a media dissector with the bytes, as
 * Wireshark's media_content_info: put it in the packet info before calling through the
 * {@code media_type} table, e.g. {@code pinfo.put(MediaContent.class, new MediaContent("text/plain", "charset=utf-8"))}.
 */
public record MediaContent(String mediaType, String parameters) {
}
