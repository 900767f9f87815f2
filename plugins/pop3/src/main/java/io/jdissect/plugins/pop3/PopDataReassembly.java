package io.jdissect.plugins.pop3;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * tshark's reassembly of POP "DATA fragment" segments ({@code fragment_add_seq_next} keyed by the
 * conversation): whole segments appended in order until one says it is the last; the finished
 * message is handed out once and the next one starts empty. Bounded: a message that grows past
 * {@link #MAX_BYTES} is dropped (tshark has no limit; jdissect keeps memory bounded).
 */
final class PopDataReassembly {
    static final int MAX_BYTES = 16 << 20;

    /** One contributing frame and where its bytes sit in the message. */
    record Fragment(long frame, int offset, int length) {
    }

    /** A finished message: its fragments and bytes. */
    record Message(List<Fragment> fragments, byte[] bytes) {
    }

    private final List<Fragment> fragments = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Appends one segment; returns the message when {@code last} ends it, else null. */
    Message add(long frame, byte[] data, boolean last) {
        if (bytes.size() + (long) data.length > MAX_BYTES) {
            fragments.clear();
            bytes.reset();
        }
        fragments.add(new Fragment(frame, bytes.size(), data.length));
        bytes.write(data, 0, data.length);
        if (!last) {
            return null;
        }
        Message m = new Message(List.copyOf(fragments), bytes.toByteArray());
        fragments.clear();
        bytes.reset();
        return m;
    }
}
