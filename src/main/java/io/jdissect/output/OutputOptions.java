package io.jdissect.output;

import io.jdissect.api.Expert;
import io.jdissect.api.TreeItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the writers need to know besides the packets: the Time column format ({@code -t}), the
 * protocols to expand in {@code -V} ({@code -O}), hex dumps ({@code -x}), the JSON/EK protocol
 * filter ({@code -j}/{@code -J}), and the fields of {@code -e} with their {@code -E} format.
 */
public final class OutputOptions {
    private static final String EXPERT = "_ws.expert";
    private SummaryColumns columns = new SummaryColumns();
    private Set<String> expandOnly;
    private boolean hexDump;
    private ProtocolFilter protocolFilter;
    private final List<String> fields = new ArrayList<>();
    private FieldsFormat fieldsFormat = new FieldsFormat();
    private boolean tsharkOnly;

    public SummaryColumns columns() {
        return columns;
    }

    public OutputOptions columns(SummaryColumns c) {
        this.columns = c;
        return this;
    }

    /** Protocols whose subtrees {@code -V} expands ({@code -O}); null expands all. */
    public Set<String> expandOnly() {
        return expandOnly;
    }

    public OutputOptions expandOnly(Set<String> protocols) {
        this.expandOnly = protocols;
        return this;
    }

    public boolean hexDump() {
        return hexDump;
    }

    public OutputOptions hexDump(boolean on) {
        this.hexDump = on;
        return this;
    }

    public ProtocolFilter protocolFilter() {
        return protocolFilter;
    }

    public OutputOptions protocolFilter(ProtocolFilter f) {
        this.protocolFilter = f;
        return this;
    }

    /** The {@code -e} fields, in order. */
    public List<String> fields() {
        return fields;
    }

    public OutputOptions field(String abbrev) {
        fields.add(abbrev);
        return this;
    }

    /** True when jdissect's own fields are left out, for output identical to tshark's. */
    public boolean tsharkOnly() {
        return tsharkOnly;
    }

    public OutputOptions tsharkOnly(boolean on) {
        this.tsharkOnly = on;
        return this;
    }

    /**
     * Whether the writers show {@code item}: everything, except jdissect's own fields (named
     * {@code <protocol>.x} and {@code <protocol>.x.*}, beside tshark's) in tshark-only mode, and
     * the expert items ({@code _ws.expert}) that stand for an expert info of ours, the field each
     * holds first.
     */
    public boolean shows(TreeItem item) {
        if (!tsharkOnly || item.def() == null) {
            return true;
        }
        if (item.def().isOwn()) {
            return false;
        }
        return !item.def().abbrev().equals(EXPERT) || !Expert.isOwnFinding(item);
    }

    public FieldsFormat fieldsFormat() {
        return fieldsFormat;
    }

    public OutputOptions fieldsFormat(FieldsFormat f) {
        this.fieldsFormat = f;
        return this;
    }
}
