package io.jdissect.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.Analyzer;
import io.jdissect.api.AnalyzerFactory;
import io.jdissect.api.Expert;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.TreeItem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -z expert[,error|warn|note|chat|comment]}: the expert items of every packet counted by
 * severity, protocol and summary, in tshark 4.0's layout (ui/cli/tap-expert.c): Errors, Warns,
 * Notes, Chats, Comments; in each, entries in order of first appearance with their group.
 */
public final class ExpertInfos implements Analyzer {
    private static final String[] TITLES = {"Comments", "Chats", "Notes", "Warns", "Errors"};
    private static final Expert.Severity[] LEVELS = {Expert.Severity.COMMENT, Expert.Severity.CHAT,
        Expert.Severity.NOTE, Expert.Severity.WARNING, Expert.Severity.ERROR};
    /** The severity words of {@code -z expert,WORD}, by index into LEVELS (tap-expert.c). */
    private static final String[] WORDS = {"comment", "chat", "note", "warn", "error"};

    private final int lowest;
    private boolean tsharkOnly;
    private final TapFilter tapFilter;
    /** Per severity level (index into LEVELS): protocol + summary → entry. */
    private final List<Map<String, Entry>> entries = new ArrayList<>();

    private static final class Entry {
        final String group;
        final String protocol;
        final String summary;
        int frequency;

        Entry(String group, String protocol, String summary) {
            this.group = group;
            this.protocol = protocol;
            this.summary = summary;
        }
    }

    ExpertInfos(int lowest, TapFilter tapFilter) {
        this.lowest = lowest;
        this.tapFilter = tapFilter;
        for (int i = 0; i < LEVELS.length; i++) {
            entries.add(new LinkedHashMap<>());
        }
    }

    /** Leaves out jdissect's own expert items ({@code <proto>.x.*}), as {@code --tshark-only} does. */
    public void tsharkOnly(boolean only) {
        this.tsharkOnly = only;
    }

    @Override
    public void packet(Packet p) {
        if (tapFilter.passes(p)) {
            visit(p.tree(), "");
        }
    }

    private void visit(TreeItem item, String protocol) {
        for (TreeItem c : item.children()) {
            if (c.def() == null) {
                visit(c, protocol);
            } else if (c.def().abbrev().equals("_ws.expert")) {
                add(c, protocol);
            } else {
                visit(c, c.def().isProtocol() && c.def().protocol() != null ? c.def().protocol().shortName() : protocol);
            }
        }
    }

    private void add(TreeItem expert, String protocol) {
        if (tsharkOnly && Expert.isOwnFinding(expert)) {
            return;
        }
        String message = null;
        int severity = -1;
        int group = -1;
        for (TreeItem c : expert.children()) {
            String abbrev = c.def() == null ? "" : c.def().abbrev();
            switch (abbrev) {
                case "_ws.expert.message" -> message = String.valueOf(c.value());
                case "_ws.expert.severity" -> severity = (int) c.longValue();
                case "_ws.expert.group" -> group = (int) c.longValue();
                default -> { }
            }
        }
        int level = -1;
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].value == severity) {
                level = i;
            }
        }
        if (level < lowest || message == null) {
            return;
        }
        String groupLabel = "Unknown (" + group + ")";
        for (Expert.Group g : Expert.Group.values()) {
            if (g.value == group) {
                groupLabel = g.label;
            }
        }
        String label = groupLabel;
        String summary = message;
        entries.get(level).computeIfAbsent(protocol + "\0" + message, k -> new Entry(label, protocol, summary)).frequency++;
    }

    @Override
    public Report report() {
        return new Report() {
            @Override
            public void text(PrintWriter out) {
                for (int level = LEVELS.length - 1; level >= 0; level--) {
                    Map<String, Entry> items = entries.get(level);
                    if (items.isEmpty()) {
                        continue;
                    }
                    int total = items.values().stream().mapToInt(e -> e.frequency).sum();
                    out.print("\n" + TITLES[level] + " (" + total + ")\n=============\n");
                    out.print("   Frequency      Group           Protocol  Summary\n");
                    for (Entry e : items.values()) {
                        out.print(String.format("%12d %10s %18s  %s\n", e.frequency, e.group, e.protocol, e.summary));
                    }
                }
            }

            @Override
            public void json(JsonGenerator g) throws IOException {
                g.writeStartArray();
                for (int level = LEVELS.length - 1; level >= 0; level--) {
                    for (Entry e : entries.get(level).values()) {
                        g.writeStartObject();
                        g.writeStringField("severity", LEVELS[level].label);
                        g.writeStringField("group", e.group);
                        g.writeStringField("protocol", e.protocol);
                        g.writeStringField("summary", e.summary);
                        g.writeNumberField("frequency", e.frequency);
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
            }
        };
    }

    /** Makes {@code expert} analyzers; the optional argument is the lowest severity shown. */
    public static final class Factory implements AnalyzerFactory {
        @Override
        public String name() {
            return "expert";
        }

        @Override
        public String description() {
            return "expert items by severity (tshark's layout); expert,error|warn|note|chat|comment";
        }

        @Override
        public Analyzer create(String args) {
            return create(args, null);
        }

        /**
         * tshark's expert_stat_init: an optional severity is a case-insensitive prefix of the
         * arguments (so {@code notes} is {@code note}, its "s" ignored), then whatever follows a
         * comma is the filter; anything else is the filter itself ({@code expert,tcp}).
         */
        @Override
        public Analyzer create(String args, FieldRegistry fields) {
            String rest = "," + args;
            int lowest = 0;
            for (int level = WORDS.length - 1; level >= 0; level--) {
                String word = "," + WORDS[level];
                if (rest.regionMatches(true, 0, word, 0, word.length())) {
                    lowest = level;
                    rest = rest.substring(word.length());
                    break;
                }
            }
            String filter = args.isEmpty() || !rest.startsWith(",") ? null : rest.substring(1);
            return new ExpertInfos(lowest, TapFilter.compile(filter, fields, name(),
                    invalid -> "Expert tap error (" + invalid + ")!"));
        }
    }
}
