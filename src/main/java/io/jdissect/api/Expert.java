package io.jdissect.api;

/**
 * Expert information (Wireshark's expert.c): a finding attached to an item, with a severity and a
 * group, shown as {@code [Expert Info (Chat/Sequence): …]} and filterable by its own field and by
 * {@code _ws.expert.*}.
 */
public final class Expert {
    /** Severity levels with the values tshark writes for {@code _ws.expert.severity}. */
    public enum Severity {
        COMMENT("Comment", 0x00100000), CHAT("Chat", 0x00200000), NOTE("Note", 0x00400000),
        WARNING("Warning", 0x00600000), ERROR("Error", 0x00800000);

        public final String label;
        public final int value;

        Severity(String label, int value) {
            this.label = label;
            this.value = value;
        }
    }

    /** Groups with the values tshark writes for {@code _ws.expert.group}. */
    public enum Group {
        CHECKSUM("Checksum", 0x01000000), SEQUENCE("Sequence", 0x02000000),
        RESPONSE_CODE("Response", 0x03000000), REQUEST_CODE("Request", 0x04000000),
        UNDECODED("Undecoded", 0x05000000), REASSEMBLE("Reassemble", 0x06000000),
        MALFORMED("Malformed", 0x07000000), DEBUG("Debug", 0x08000000),
        PROTOCOL("Protocol", 0x09000000), SECURITY("Security", 0x0a000000),
        COMMENTS_GROUP("Comment", 0x0b000000), DECRYPTION("Decryption", 0x0c000000),
        ASSUMPTION("Assumption", 0x0d000000), DEPRECATED("Deprecated", 0x0e000000);

        public final String label;
        public final int value;

        Group(String label, int value) {
            this.label = label;
            this.value = value;
        }
    }

    /** A registered kind of finding: its FT_NONE field (e.g. tcp.connection.syn) and defaults. */
    public record Def(FieldDef field, String summary, Severity severity, Group group) {
    }

    private final FieldDef expertProto;
    private final FieldDef message;
    private final FieldDef severity;
    private final FieldDef group;
    private FieldDef malformed;

    Expert(FieldDef expertProto, FieldDef message, FieldDef severity, FieldDef group) {
        this.expertProto = expertProto;
        this.message = message;
        this.severity = severity;
        this.group = group;
    }

    /** The {@code _ws.malformed} protocol, registered after the expert fields. */
    void setMalformed(FieldDef malformed) {
        this.malformed = malformed;
    }

    /**
     * Whether {@code expertItem} (an {@code _ws.expert} item, as {@link #add} makes them) stands for
     * an expert info of jdissect's own: the finding's field, its first child, is one of ours.
     */
    public static boolean isOwnFinding(TreeItem expertItem) {
        TreeItem finding = expertItem.childCount() > 0 ? expertItem.child(0) : null;
        return finding != null && finding.def() != null && finding.def().isOwn();
    }

    /** Adds the finding {@code def} under {@code parent}, with the registered summary as message. */
    public TreeItem add(TreeItem parent, Def def, Tvb tvb, int offset, int length) {
        return add(parent, def, tvb, offset, length, def.summary());
    }

    /** Adds the finding {@code def} under {@code parent} with a specific message. */
    public TreeItem add(TreeItem parent, Def def, Tvb tvb, int offset, int length, String text) {
        TreeItem e = parent.add(expertProto, tvb, offset, 0)
                .setText("Expert Info (" + def.severity().label + "/" + def.group().label + "): " + text)
                .generated();
        e.add(def.field(), tvb, offset, length).setText(text).generated();
        e.add(message, tvb, offset, 0, text).hidden();
        e.add(severity, tvb, offset, 0, def.severity().value).generated();
        e.add(group, tvb, offset, 0, def.group().value).generated();
        if (def.group() == Group.MALFORMED && malformed != null && !def.field().isOwn()) {
            // expert.c: a hidden _ws.malformed beside every Malformed-group finding, so that the
            // filter "_ws.malformed" finds them (tshark's JSON shows it). Not beside one of ours:
            // "_ws.malformed" is tshark's field and must not match a frame tshark finds sound.
            parent.add(malformed, null, 0, 0).hidden();
        }
        return e;
    }
}
