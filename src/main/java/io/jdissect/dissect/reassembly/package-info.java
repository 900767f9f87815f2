/**
 * Reassembly of messages carried in pieces (Wireshark's reassembly.c), shared by the protocols
 * that need it: IPv4 and IPv6 defragmentation use it, and TCP or SMTP can show their own
 * "[N Reassembled TCP Segments (X bytes): #a(n), #b(m)]" trees with it.
 *
 * <p>Use: keep one {@link io.jdissect.dissect.reassembly.FragmentTable} per dissector (per capture),
 * keyed by whatever identifies a message; {@code add} each piece with its frame number and offset;
 * when it returns a {@link io.jdissect.dissect.reassembly.Reassembled} message, make a new data
 * source ({@code Tvb.ofSource("Reassembled IPv4", message.data())}), show it with
 * {@link io.jdissect.dissect.reassembly.FragmentTree#add} and the protocol's own fields and label,
 * and dissect the payload from that source. The table bounds its memory itself.
 */
package io.jdissect.dissect.reassembly;
