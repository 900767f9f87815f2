/**
 * jdissect's public API: everything a dissector plugin or an embedding program uses, in this one
 * package. jdissect's own protocols (Ethernet, IP, TCP, SMTP, IMF …) are written against the same
 * types; the other packages are the implementation and may change.
 *
 * <h2>Writing a dissector plugin</h2>
 * The example is {@code plugins/pop3} (POP3, tshark's {@code pop.*} fields); a plugin is a jar with
 * its classes and a {@code META-INF/services/io.jdissect.api.ProtocolPlugin} file naming its
 * {@link io.jdissect.api.ProtocolPlugin} classes, compiled against the jdissect jar
 * ({@code provided} scope). Drop it into a plugin directory ({@code --plugins DIR}, or the default
 * {@code ~/.jdissect/plugins}, or {@code $JDISSECT_PLUGINS}).
 *
 * <h3>Lifecycle</h3>
 * For each capture setup jdissect creates one {@link io.jdissect.api.DissectorRegistry}, then
 * <ol>
 *   <li>calls every plugin's {@link io.jdissect.api.ProtocolPlugin#register register}: declare the
 *       protocol ({@link io.jdissect.api.FieldRegistry#protocol}), its fields
 *       ({@link io.jdissect.api.FieldRegistry#field}: abbreviation, name, {@link io.jdissect.api.FieldType},
 *       {@link io.jdissect.api.Base}, value labels, description), preferences
 *       ({@link io.jdissect.api.Preferences}), expert items
 *       ({@link io.jdissect.api.DissectorRegistry#expert}) and a named
 *       {@link io.jdissect.api.DissectorHandle} ({@link io.jdissect.api.DissectorRegistry#register});
 *       always create handles there, so {@code -d} and other dissectors find them;</li>
 *   <li>applies {@code -o} preferences;</li>
 *   <li>calls every plugin's {@link io.jdissect.api.ProtocolPlugin#handoff handoff}: attach the handle
 *       to other protocols' {@link io.jdissect.api.DissectorTable}s ({@code tcp.port},
 *       {@code udp.port}, {@code ethertype}, {@code ip.proto}, {@code wtap_encap} for link types,
 *       {@code media_type}; see the constants of {@link io.jdissect.api.DissectorRegistry}) or to a
 *       {@link io.jdissect.api.HeuristicTable} ({@code registry.heuristicTable("tcp")}), and look up
 *       the handles it will call ({@code registry.handle("imf")});</li>
 *   <li>dissects every packet: each layer calls the next through a table; the
 *       {@link io.jdissect.api.Dissector} gets a {@link io.jdissect.api.Tvb} (its bytes), the
 *       {@link io.jdissect.api.PacketInfo} (frame number, ports, {@link io.jdissect.api.Columns},
 *       the {@link io.jdissect.api.Conversation} for state across packets) and the parent
 *       {@link io.jdissect.api.TreeItem}.</li>
 * </ol>
 * The registered fields are in {@code -G fields}, display filters ({@code -Y}), {@code -e} and
 * JSON like any built-in field.
 *
 * <h3>In the dissector</h3>
 * <ul>
 *   <li>Add the protocol item, then its fields: {@code TreeItem pop = tree.add(proto.field(), tvb,
 *       0, tvb.length()); pop.add(commandField, tvb, 0, 4, tvb.ascii(0, 4));} — every item knows its
 *       bytes. Set {@code pinfo.columns().setProtocol("POP")} and the Info column.</li>
 *   <li>Return the bytes taken; 0 means "not mine" (heuristics must return 0 on foreign data and
 *       never throw for it).</li>
 *   <li>TCP reassembly: when {@link io.jdissect.api.PacketInfo#canDesegment()} is true, ask for more
 *       with {@link io.jdissect.api.PacketInfo#requestMoreBytes(int, int)} (a length, or
 *       {@link io.jdissect.api.PacketInfo#ONE_MORE_SEGMENT} for "the rest of the line") and return;
 *       TCP calls again with the longer data. {@link io.jdissect.api.Tvb#findLineEnd} finds lines.</li>
 *   <li>Hand the payload on: {@link io.jdissect.api.PacketInfo#callContained} with a handle, or
 *       {@link io.jdissect.api.DissectorTable#tryDissect}; for reassembled bytes make a new data
 *       source with {@link io.jdissect.api.Tvb#ofSource(String, byte[])}.</li>
 *   <li>Malformed data: reading past the end throws {@link io.jdissect.api.BoundsException}, shown
 *       as {@code [Malformed Packet]} as tshark does. Keep per-conversation state bounded.</li>
 * </ul>
 *
 * <h3>Failures</h3>
 * A plugin jar that cannot be loaded, or a plugin that throws in {@code register}, {@code handoff}
 * or while dissecting (anything but a {@link io.jdissect.api.BoundsException}), is named once on
 * standard error and disabled; the items of the failed call are removed and the capture is
 * dissected as without it.
 *
 * <h2>Embedding</h2>
 * {@link io.jdissect.api.JDissect} opens captures as a {@link io.jdissect.api.PacketStream} of
 * {@link io.jdissect.api.Packet}s whose fields are read by abbreviation.
 */
package io.jdissect.api;
