/**
 * TCP (RFC 9293) as tshark 4.0 dissects it, and the TCP services application dissectors use.
 *
 * <h2>For application dissectors (SMTP, …)</h2>
 * <ul>
 * <li><b>Registering:</b> in {@code ProtocolPlugin.handoff}, {@code DissectorHandle h =
 *     registry.register("smtp", proto, dissector); registry.table(DissectorRegistry.TCP_PORT).add(25, h);}
 *     ({@code -d tcp.port==2525,smtp} finds the handle by its name). Heuristic dissectors:
 *     {@code registry.heuristicTable("tcp").add(h)} (return 0 when the data is not yours).
 *     TCP tries, in tshark's order: the conversation dissector, Decode-As, the server port seen
 *     on the SYN, the lower port, the higher port, heuristics, then data. Retransmitted and
 *     out-of-order segments are never handed over.</li>
 * <li><b>Direction:</b> {@code pinfo.matchUint()} is the port the table matched (25); a request is
 *     {@code pinfo.dstPort() == pinfo.matchUint()} (packet-smtp.c's rule). {@code pinfo.get(TcpInfo.class)}
 *     also gives the stream index, the server port from the handshake (0 if not seen), the
 *     relative sequence number of the tvb's first byte and whether the tvb is reassembled.</li>
 * <li><b>Per-connection state:</b> {@code pinfo.conversation()} is the TCP stream's
 *     {@link io.jdissect.api.Conversation} (index = tcp.stream);
 *     {@code conversation.computeIfAbsent(MyState.class, MyState::new)}. To take over a connection
 *     (e.g. TLS after STARTTLS) put the handle as the conversation dissector:
 *     {@code conversation.put(DissectorHandle.class, tlsHandle)}.</li>
 * <li><b>Asking for more bytes:</b> when {@code pinfo.canDesegment()} and the PDU starting at
 *     {@code offset} is incomplete, call {@code pinfo.requestMoreBytes(offset, n)} with the number
 *     of missing bytes, or {@link io.jdissect.api.PacketInfo#ONE_MORE_SEGMENT} when unknown
 *     (a line without its end), and return. Bytes before {@code offset} count as dissected. TCP
 *     calls again, on the frame that completes the PDU, with a tvb whose source is
 *     "Reassembled TCP" starting at {@code offset}; earlier frames show
 *     "[TCP segment of a reassembled PDU]" and {@code tcp.segment_data}, the completing one the
 *     {@code tcp.segments} tree. A reassembled PDU may again end with an incomplete one: request
 *     with the offset of its start.</li>
 * <li><b>Errors:</b> an exception in the application dissector becomes {@code [Malformed Packet: X]}
 *     and TCP goes on with the next packet.</li>
 * </ul>
 * Preferences of our own: {@code tcp.jdissect.max_reassembly_bytes} (per stream direction, default
 * 16 MiB) and {@code tcp.jdissect.max_total_reassembly_bytes} (default 64 MiB), which count the array a PDU is assembled into; a PDU that would
 * exceed them is shown as segment data with an expert item.
 */
package io.jdissect.protocols.tcp;
