package io.jdissect.capture;

/**
 * The largest record wiretap accepts for ordinary link types (WTAP_MAX_PACKET_SIZE_STANDARD):
 * a bigger length in a record header means the file is damaged, and refusing it keeps a corrupt
 * length from allocating gigabytes.
 */
final class MaxPacketSize {
    static final int BYTES = 262_144;

    private MaxPacketSize() {
    }
}
