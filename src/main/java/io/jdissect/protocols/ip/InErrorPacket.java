package io.jdissect.protocols.ip;

/**
 * Marks, in the packet info, that the layers being dissected are the datagram quoted inside an
 * ICMP error (Wireshark's pinfo->flags.in_error_pkt): they do not change the columns, are not
 * defragmented, and transport layers should not count them in their stream analysis.
 */
public record InErrorPacket(int icmpType) {
}
