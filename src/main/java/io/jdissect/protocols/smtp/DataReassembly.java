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

    /** A finished message: its fragments, its bytes, and the frame that finished it. */
    record Message(List<Fragment> fragments, byte[] bytes, long reassembledIn) {
    }

    private final List<Fragment> fragments = new ArrayList<>();
    private final int maxBytes;
    private MessageBuffer bytes;

    DataReassembly(int maxBytes) {
        this.maxBytes = maxBytes;
        this.bytes = new MessageBuffer(maxBytes);
    }

    /** fragment_add_seq_next: appends; returns the message when {@code last} ends it, else null. */
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
        Message m = new Message(List.copyOf(fragments), bytes.bytes(), frame);
        fragments.clear();
        bytes = new MessageBuffer(maxBytes);
        return m;
    }
}
