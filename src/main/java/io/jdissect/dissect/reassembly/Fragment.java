package io.jdissect.dissect.reassembly;

/** One piece of a message being reassembled: which frame brought it and where it goes. */
public record Fragment(long frame, int offset, byte[] data) {
    public int length() {
        return data.length;
    }
}
