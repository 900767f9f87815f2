package io.jdissect.plugins.c2;

import io.jdissect.api.Analyzer;
import io.jdissect.api.Packet;
import io.jdissect.api.Report;
import io.jdissect.api.SmtpSessionEvent;
import io.jdissect.api.TcpStreamEvent;
import io.jdissect.api.TreeItem;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flags SMTP used for command and control (MITRE ATT&CK T1071.003): reads every SMTP packet into
 * the per-session rules ({@link SmtpStreamRules}) and every message into the content rules
 * ({@link MessageRules}), records each session's start for beaconing ({@link Beacons}), and reports
 * one {@link Finding} per suspicious use. At most {@link #MAX_OPEN_STREAMS} sessions are followed
 * at once (the oldest is dropped unreported), and at most {@link #MAX_FINDINGS} findings are kept.
 */
final class C2Analyzer implements Analyzer {
    static final int MAX_OPEN_STREAMS = 10_000;
    static final int MAX_FINDINGS = 100_000;

    private final C2Options options;
    private final MessageRules messages;
    private final Beacons beacons = new Beacons();
    private final List<Finding> findings = new ArrayList<>();
    private long dropped;
    /** Streams already closed, one bit each: a late segment must not start their session again. */
    private final BitSet closed = new BitSet();
    private final Map<Long, SmtpStreamRules> streams = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SmtpStreamRules> eldest) {
            return size() > MAX_OPEN_STREAMS;
        }
    };

    C2Analyzer(C2Options options) {
        this.options = options;
        this.messages = new MessageRules(options);
    }

    @Override
    public void packet(Packet packet) {
        List<String> layers = packet.info().layers();
        if (!layers.contains("smtp") || layers.contains("icmp") || layers.contains("icmpv6")) {
            return; // an SMTP segment quoted by an ICMP error is no part of the session
        }
        TreeItem stream = packet.first("tcp.stream");
        if (stream == null) {
            return;
        }
        long s = stream.longValue();
        if (s < 0 || s > Integer.MAX_VALUE || closed.get((int) s)) {
            return;
        }
        streams.computeIfAbsent(s, k -> new SmtpStreamRules(k, options, this::found)).packet(packet);
        if (layers.contains("imf")) {
            messages.message(packet, s, this::found);
        }
    }

    @Override
    public void tcpStreamClosed(TcpStreamEvent stream) {
        SmtpStreamRules rules = streams.remove(stream.stream());
        if (rules != null) {
            closed.set((int) stream.stream());
            rules.close();
        }
    }

    @Override
    public void smtpSessionEnded(SmtpSessionEvent session) {
        beacons.session(session.client().address().toString(), session.server().toString(),
                new Beacons.Start(session.stream(), session.firstFrame(), seconds(session)));
    }

    @Override
    public void end() {
        for (Beacons.Beacon b : beacons.find(options.beaconSessions(), options.beaconCv(), options.beaconInterval())) {
            List<Evidence> evidence = new ArrayList<>();
            for (Beacons.Start s : b.sessions()) {
                evidence.add(new Evidence(s.frame(), "tcp.stream", Long.toString(s.stream())));
            }
            long last = b.sessions().get(b.sessions().size() - 1).frame();
            evidence.add(new Evidence(last, "c2.sessions", Integer.toString(b.sessions().size())));
            evidence.add(new Evidence(last, "c2.mean_interval", String.format(Locale.ROOT, "%.3f", b.meanInterval())));
            evidence.add(new Evidence(last, "c2.interval_cv", String.format(Locale.ROOT, "%.4f", b.cv())));
            found(new Finding("beaconing", b.sessions().size() >= 2 * options.beaconSessions() ? Severity.HIGH
                    : Severity.MEDIUM, -1, b.client(), b.server(), evidence,
                    String.format(Locale.ROOT, "%d SMTP sessions to %s every %.1f s (coefficient of variation %.3f)",
                            b.sessions().size(), b.server(), b.meanInterval(), b.cv())));
        }
    }

    @Override
    public Report report() {
        return new C2Report(findings, dropped, options.jsonLines());
    }

    private void found(Finding f) {
        if (f.severity().compareTo(options.minSeverity()) < 0) {
            return;
        }
        if (findings.size() < MAX_FINDINGS) {
            findings.add(f);
        } else {
            dropped++;
        }
    }

    private static double seconds(SmtpSessionEvent session) {
        return session.start().seconds() + session.start().nanos() / 1e9;
    }
}
