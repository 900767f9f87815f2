package io.jdissect.protocols.smtp;

import java.util.ArrayList;
import java.util.List;

/**
 * tshark's SMTP DATA reassembly ({@code fragment_add_seq_next} / {@code fragment_end_seq_next} of one
 * conversation): whole client segments appended in order until the message ends; a finished
 * message is handed out once and the next one starts empty.
 */
final class DataReassembly {
    /** One contributing frame: its number, and where its bytes sit in the message. */
    record Fragment(long frame, int offset, int length) {
    }

    /**
     * A finished message: its fragments and its bytes (none and null when the reassembly only
     * counts), and the frame that finished it.
     */
    record Message(List<Fragment> fragments, byte[] bytes, long reassembledIn) {
    }

    private final List<Fragment> fragments = new ArrayList<>();
    private final boolean keepBytes;
    /** Fragments of the pending message, when they are only counted. */
    private int counted;
    private final MessageBuffer bytes;

    /**
     * @param keepBytes false when nothing in the run reads a message (its IMF, its fragment items):
     *                  its fragments are then only counted, not copied nor listed, which spares
     *                  copying most of a mail capture's bytes and noting each of its segments
     */
    DataReassembly(int maxBytes, boolean keepBytes, MessageChunks chunks) {
        this.keepBytes = keepBytes;
        this.bytes = new MessageBuffer(keepBytes ? maxBytes : 0, chunks);
    }

    /**
     * fragment_add_seq_next: appends a copy of the segment's bytes; returns the message when
     * {@code last} ends it, else null.
     */
    Message add(long frame, byte[] data, int off, int len, boolean last) {
        if (keepBytes) {
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

    private Message finish(long frame) {
        Message m = new Message(List.copyOf(fragments), keepBytes ? bytes.bytes() : null, frame);
        fragments.clear();
        counted = 0;
        bytes.release();
        return m;
    }
}
