package io.jdissect.protocols.imf;

/**
 * What a dissector that hands a body to the {@code media_type} table tells the media dissector
 * (Wireshark's {@code media_content_info_t}): the Content-Type parameters as written after the
 * first {@code ;} (null if none). Passed in {@link io.jdissect.dissect.PacketInfo#put} around the
 * call, restored afterwards, so nested bodies see their own.
 */
public record MediaContentInfo(String parameters) {
}
