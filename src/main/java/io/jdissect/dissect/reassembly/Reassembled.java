package io.jdissect.dissect.reassembly;

import java.util.List;

/** A complete message: its fragments in offset order and the bytes they make together. */
public record Reassembled(List<Fragment> fragments, byte[] data) {
}
