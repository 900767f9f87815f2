package io.jdissect.protocols.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * tshark's SMTP DATA reassembly ({@code fragment_add_seq_next} / {@code fragment_end_seq_next} of one
 * conversation): whole client segments appended in order until the message ends; a finished
 * message is handed out once and the next one starts empty.
 */
final class DataReassembly {
    /** What a finished message holds of its bytes. */
    enum Keep {
        /**
         * Nothing: nothing in the run reads a message (its IMF, its fragment items), so its fragments
         * are only counted, not copied nor listed. That spares copying most of a mail capture's bytes
         * and noting each of its segments.
         */
        COUNT,
        /** The bytes, in an array of their own. */
        BYTES,
        /**
         * The bytes, in an array that the next message reuses: for runs whose packets are not kept
         * after the next is read ({@link io.jdissect.api.PacketInfo#packetsKept()}).
         */
        REUSED_BYTES
    }

    /** One contributing frame: its number, and where its bytes sit in the message. */
    record Fragment(long frame, int offset, int length) {
    }

    /**
     * A finished message: its fragments and its bytes, {@code bytes[0, length)} (none and null when
     * the reassembly only counts), and the frame that finished it.
     */
    record Message(List<Fragment> fragments, byte[] bytes, int length, long reassembledIn) {
    }

    private final List<Fragment> fragments = new ArrayList<>();
    private final Keep keep;
    /** Fragments of the pending message, when they are only counted. */
    private int counted;
    private final MessageBuffer bytes;

    DataReassembly(int maxBytes, Keep keep, MessageChunks chunks) {
        this.keep = keep;
        this.bytes = new MessageBuffer(keep == Keep.COUNT ? 0 : maxBytes, chunks);
    }

    /**
     * fragment_add_seq_next: appends a copy of the segment's bytes; returns the message when
     * {@code last} ends it, else null.
     */
    Message add(long frame, byte[] data, int off, int len, boolean last) {
        if (keep != Keep.COUNT) {
            fragments.add(new Fragment(frame, (int) Math.min(Integer.MAX_VALUE, bytes.size()), len));
        } else {
            counted++;
        }
        bytes.append(data, off, len);
        return last ? finish(frame) : null;
    }

    /** fragment_end_seq_next: ends the pending message; null when nothing is pending. */
    Message end(long frame) {
        return fragments.isEmpty() && counted == 0 ? null : finish(frame);
    }

    /** Drops the pending message (the connection's state is dropped), handing its arrays back. */
    void release() {
        fragments.clear();
        counted = 0;
        bytes.release();
    }

    private Message finish(long frame) {
        byte[] b = keep == Keep.COUNT ? null : keep == Keep.REUSED_BYTES ? bytes.joined(frame) : bytes.bytes();
        Message m = new Message(List.copyOf(fragments), b, b == null ? 0 : bytes.kept(), frame);
        fragments.clear();
        counted = 0;
        bytes.release();
        return m;
    }
}
