package io.jdissect.dissect.reassembly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects fragments by message key until a message is complete (Wireshark's reassembly.c in its
 * simplest use, as IPv4 and IPv6 defragmentation use it): a message is complete when its last
 * fragment (the one without "more fragments") has been seen and the fragments cover every byte
 * from 0 to its end. Complete messages leave the table. Memory is bounded: beyond
 * {@code maxPending} incomplete messages, or {@code maxBytes} buffered bytes, the oldest
 * incomplete ones are dropped (their fragments stay shown as fragments); the limits are set from
 * preferences once they are known ({@link FragmentLimits}).
 *
 * @param <K> the message key, e.g. (source, destination, protocol, identification) for IPv4
 */
public final class FragmentTable<K> {
    private int maxPending;
    private long maxBytes;
    private final Map<K, Pending> pending = new LinkedHashMap<>();
    private long bufferedBytes;
    private boolean droppedOnLastAdd;

    public FragmentTable(int maxPending, long maxBytes) {
        limits(maxPending, maxBytes);
    }

    /** Sets the caps (before the first fragment). */
    public void limits(int maxPending, long maxBytes) {
        this.maxPending = maxPending;
        this.maxBytes = maxBytes;
    }

    /** True when the last {@link #add} dropped incomplete messages to stay within the caps. */
    public boolean droppedOnLastAdd() {
        return droppedOnLastAdd;
    }

    /** Messages still waiting for fragments. */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Adds the fragment {@code data} found at {@code offset} of message {@code key} in frame
     * {@code frame}; {@code last} when it is the final fragment. Returns the message when this
     * fragment completes it, else null. A fragment repeating an offset already held is ignored.
     */
    public Reassembled add(K key, long frame, int offset, byte[] data, boolean last) {
        droppedOnLastAdd = false;
        Pending p = pending.get(key);
        if (p == null) {
            p = new Pending();
            pending.put(key, p);
        }
        if (!p.holds(offset)) {
            p.fragments.add(new Fragment(frame, offset, data));
            bufferedBytes += data.length;
        }
        if (last) {
            p.totalLength = offset + data.length;
        }
        Reassembled done = p.complete();
        if (done != null) {
            remove(key, p);
        } else {
            evictBeyondLimits();
        }
        return done;
    }

    private void remove(K key, Pending p) {
        pending.remove(key);
        for (Fragment f : p.fragments) {
            bufferedBytes -= f.length();
        }
    }

    private void evictBeyondLimits() {
        Iterator<Map.Entry<K, Pending>> it = pending.entrySet().iterator();
        while ((pending.size() > maxPending || bufferedBytes > maxBytes) && it.hasNext()) {
            Pending oldest = it.next().getValue();
            it.remove();
            droppedOnLastAdd = true;
            for (Fragment f : oldest.fragments) {
                bufferedBytes -= f.length();
            }
        }
    }

    /** The fragments of one message seen so far. */
    private static final class Pending {
        final List<Fragment> fragments = new ArrayList<>(4);
        int totalLength = -1;

        boolean holds(int offset) {
            for (Fragment f : fragments) {
                if (f.offset() == offset) {
                    return true;
                }
            }
            return false;
        }

        /** The message if the fragments cover 0..totalLength without a gap, else null. */
        Reassembled complete() {
            if (totalLength < 0) {
                return null;
            }
            List<Fragment> sorted = new ArrayList<>(fragments);
            sorted.sort(Comparator.comparingInt(Fragment::offset));
            int covered = 0;
            for (Fragment f : sorted) {
                if (f.offset() > covered) {
                    return null;
                }
                covered = Math.max(covered, f.offset() + f.length());
            }
            if (covered < totalLength) {
                return null;
            }
            byte[] data = new byte[totalLength];
            for (Fragment f : sorted) {
                // Later bytes overwrite earlier overlapping ones, as Wireshark's defragmenter does.
                int n = Math.min(f.length(), totalLength - f.offset());
                if (n > 0) {
                    System.arraycopy(f.data(), 0, data, f.offset(), n);
                }
            }
            return new Reassembled(List.copyOf(sorted), data);
        }
    }
}
