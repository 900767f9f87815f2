package io.jdissect.plugins.c2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds beaconing: sessions from one client to one server that start at regular intervals, as
 * malware polling a mailbox or reporting in does. For each (client address, server endpoint) it
 * keeps the start times of the last {@link #MAX_SESSIONS_PER_PAIR} sessions; a pair beacons when
 * it has at least {@code minSessions} sessions, the mean interval is at least {@code minInterval}
 * seconds, and the intervals' coefficient of variation (standard deviation / mean) is at most
 * {@code maxCv} — people sending mail are irregular, timers are not. At most {@link #MAX_PAIRS}
 * pairs are followed (the oldest is dropped), so memory stays bounded on any capture.
 */
final class Beacons {
    static final int MAX_SESSIONS_PER_PAIR = 1000;
    static final int MAX_PAIRS = 10_000;

    /** One session start: the TCP stream, its first frame, the time in seconds. */
    record Start(long stream, long frame, double time) {
    }

    /** A beaconing pair with its sessions and the statistics of their intervals (seconds). */
    record Beacon(String client, String server, List<Start> sessions, double meanInterval, double stdDev, double cv) {
    }

    private record Pair(String client, String server, Deque<Start> starts) {
    }

    private final Map<String, Pair> pairs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pair> eldest) {
            return size() > MAX_PAIRS;
        }
    };

    /** Records a session of {@code client} to {@code server}. */
    void session(String client, String server, Start start) {
        Deque<Start> starts = pairs.computeIfAbsent(client + " " + server,
                k -> new Pair(client, server, new ArrayDeque<>())).starts();
        if (starts.size() == MAX_SESSIONS_PER_PAIR) {
            starts.pollFirst();
        }
        starts.addLast(start);
    }

    /** The pairs that beacon, in the order first seen. */
    List<Beacon> find(int minSessions, double maxCv, double minInterval) {
        List<Beacon> found = new ArrayList<>();
        for (Pair p : pairs.values()) {
            List<Start> s = new ArrayList<>(p.starts());
            s.sort((a, b) -> Double.compare(a.time(), b.time()));
            if (s.size() < Math.max(3, minSessions)) {
                continue;
            }
            int n = s.size() - 1;
            double sum = 0;
            for (int i = 1; i <= n; i++) {
                sum += s.get(i).time() - s.get(i - 1).time();
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 1; i <= n; i++) {
                double d = s.get(i).time() - s.get(i - 1).time() - mean;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / n);
            double cv = mean > 0 ? sd / mean : Double.POSITIVE_INFINITY;
            if (mean >= minInterval && cv <= maxCv) {
                found.add(new Beacon(p.client(), p.server(), s, mean, sd, cv));
            }
        }
        return found;
    }
}
