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
     * A finished message: its fragments, its bytes (null when the reassembly only counts), and the
     * frame that finished it.
     */
    record Message(List<Fragment> fragments, byte[] bytes, long reassembledIn) {
    }

    private final List<Fragment> fragments = new ArrayList<>();
    private final boolean keepBytes;
    private final MessageBuffer bytes;

    /**
     * @param keepBytes false when nothing in the run reads a message (its IMF, its fragment items):
     *                  the fragments are then only counted, which spares copying most of a mail
     *                  capture's bytes twice
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
        fragments.add(new Fragment(frame, (int) Math.min(Integer.MAX_VALUE, bytes.size()), len));
        bytes.append(data, off, len);
        return last ? finish(frame) : null;
    }

    /** fragment_end_seq_next: ends the pending message; null when nothing is pending. */
    Message end(long frame) {
        return fragments.isEmpty() ? null : finish(frame);
    }

    private Message finish(long frame) {
        Message m = new Message(List.copyOf(fragments), keepBytes ? bytes.bytes() : null, frame);
        fragments.clear();
        bytes.release();
        return m;
    }
}
