package io.jdissect.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one dissection setup knows: fields, dissector tables, heuristic lists, named dissector
 * handles, preferences and expert definitions. Built-in protocols and plugins fill it through the
 * same calls, in two phases (register, then hand-off), see {@link io.jdissect.api.ProtocolPlugin}.
 */
public final class DissectorRegistry {
    /** Standard table names, as Wireshark spells them. */
    public static final String LINK_TYPE = "wtap_encap";
    public static final String ETHERTYPE = "ethertype";
    public static final String IP_PROTO = "ip.proto";
    public static final String TCP_PORT = "tcp.port";
    public static final String UDP_PORT = "udp.port";
    public static final String MEDIA_TYPE = "media_type";

    private final FieldRegistry fields = new FieldRegistry();
    private final Map<String, DissectorTable> tables = new LinkedHashMap<>();
    private final Map<String, HeuristicTable> heuristics = new LinkedHashMap<>();
    private final Map<String, DissectorHandle> handles = new LinkedHashMap<>();
    private final Preferences preferences = new Preferences();
    private final Expert expert;
    private final ProtocolDef malformed;
    private final ProtocolDef shortFrame;
    private final Expert.Def malformedExpert;

    public DissectorRegistry() {
        ProtocolDef ex = fields.protocol("Expert Info", "Expert", "_ws.expert");
        // BASE_NONE: tshark labels these "Severity level: Chat", without the number.
        FieldDef msg = fields.field(ex, "_ws.expert.message", "Message", FieldType.FT_STRING).register();
        FieldDef sev = fields.field(ex, "_ws.expert.severity", "Severity level", FieldType.FT_UINT32)
                .base(Base.NONE).values(labels(Expert.Severity.values())).register();
        FieldDef grp = fields.field(ex, "_ws.expert.group", "Group", FieldType.FT_UINT32)
                .base(Base.NONE).values(labels(Expert.Group.values())).register();
        expert = new Expert(ex.field(), msg, sev, grp);
        malformed = fields.protocol("Malformed Packet", "Malformed", "_ws.malformed");
        malformedExpert = expert(malformed, "_ws.malformed.expert", "Malformed Packet (Exception occurred)",
                Expert.Severity.ERROR, Expert.Group.MALFORMED);
        shortFrame = fields.protocol("Short Frame", "Short frame", "_ws.short");
        for (String t : new String[] {LINK_TYPE, ETHERTYPE, IP_PROTO, TCP_PORT, UDP_PORT}) {
            table(t, t, false);
        }
        table(MEDIA_TYPE, "Internet media type", true);
        heuristicTable("tcp");
    }

    private static Map<Long, String> labels(Enum<?>[] values) {
        Map<Long, String> m = new LinkedHashMap<>();
        for (Enum<?> e : values) {
            if (e instanceof Expert.Severity s) {
                m.put((long) s.value, s.label);
            } else if (e instanceof Expert.Group g) {
                m.put((long) g.value, g.label);
            }
        }
        return m;
    }

    public FieldRegistry fields() {
        return fields;
    }

    public Preferences preferences() {
        return preferences;
    }

    public Expert expert() {
        return expert;
    }

    /** Declares a kind of expert finding with its own FT_NONE field. */
    public Expert.Def expert(ProtocolDef protocol, String abbrev, String summary, Expert.Severity severity,
                             Expert.Group group) {
        FieldDef f = fields.field(protocol, abbrev, summary, FieldType.FT_NONE).base(Base.NONE).register();
        return new Expert.Def(f, summary, severity, group);
    }

    /** Creates (or returns) a dissector table. */
    public synchronized DissectorTable table(String name, String uiName, boolean stringKeyed) {
        return tables.computeIfAbsent(name, n -> new DissectorTable(n, uiName, stringKeyed));
    }

    /** An existing table; throws if no protocol created it. */
    public synchronized DissectorTable table(String name) {
        DissectorTable t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no dissector table " + name);
        }
        return t;
    }

    public synchronized DissectorTable findTable(String name) {
        return tables.get(name);
    }

    public synchronized Map<String, DissectorTable> tables() {
        return new LinkedHashMap<>(tables);
    }

    /** Every heuristic list by name ("tcp", …). */
    public synchronized Map<String, HeuristicTable> heuristicTables() {
        return new LinkedHashMap<>(heuristics);
    }

    /** Creates (or returns) the heuristic list of a parent protocol, e.g. "tcp". */
    public synchronized HeuristicTable heuristicTable(String name) {
        return heuristics.computeIfAbsent(name, HeuristicTable::new);
    }

    /** Registers a named handle (register_dissector) so others and {@code -d} can find it. */
    public synchronized DissectorHandle register(String name, ProtocolDef protocol, Dissector dissector) {
        DissectorHandle h = new DissectorHandle(name, protocol, dissector);
        handles.put(name, h);
        return h;
    }

    public synchronized DissectorHandle handle(String name) {
        return handles.get(name);
    }

    public synchronized Map<String, DissectorHandle> handles() {
        return new LinkedHashMap<>(handles);
    }

    /**
     * Decode-As from {@code -d TABLE==VALUE,PROTOCOL} (e.g. {@code tcp.port==2525,smtp}); throws
     * IllegalArgumentException with a user-facing message when any part is unknown.
     */
    public void decodeAs(String spec) {
        int eq = spec.indexOf("==");
        int comma = spec.lastIndexOf(',');
        if (eq < 0) {
            eq = spec.indexOf(':');
        }
        if (eq <= 0 || comma < eq) {
            throw new IllegalArgumentException("Invalid -d flag \"" + spec + "\": expected <layer type>==<selector>,<decode-as protocol>");
        }
        String tableName = spec.substring(0, eq).trim();
        String selector = spec.substring(eq + (spec.startsWith("==", eq) ? 2 : 1), comma).trim();
        String proto = spec.substring(comma + 1).trim();
        DissectorTable t = findTable(tableName);
        if (t == null) {
            throw new IllegalArgumentException("Invalid -d flag \"" + spec + "\": \"" + tableName + "\" isn't a valid layer type");
        }
        DissectorHandle h = handle(proto);
        if (h == null) {
            throw new IllegalArgumentException("Invalid -d flag \"" + spec + "\": \"" + proto + "\" isn't a valid protocol name");
        }
        try {
            for (long v : Preferences.parseRange(selector.replace(':', '-'))) {
                t.decodeAs(v, h);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid -d flag \"" + spec + "\": \"" + selector + "\" isn't a valid selector");
        }
    }

    /** The `_ws.malformed` protocol, added when a dissector runs past the end of its data. */
    public ProtocolDef malformed() {
        return malformed;
    }

    public Expert.Def malformedExpert() {
        return malformedExpert;
    }

    /** The `_ws.short` protocol, added when the capture cut the packet short. */
    public ProtocolDef shortFrame() {
        return shortFrame;
    }
}
