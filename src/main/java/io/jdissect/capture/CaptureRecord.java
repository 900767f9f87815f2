package io.jdissect.capture;

import io.jdissect.api.Timestamp;

/**
 * One packet record of a capture file: when it was captured, on which interface with which link
 * type, how long it was on the wire, and the bytes captured ({@code data[0..capturedLength)}).
 * {@code fileOffset} is where the record starts in the file, for error messages.
 * {@code interfaceId} is -1 when the format has no interfaces (pcap), else the id within its
 * section; {@code sectionNumber} is the 1-based pcapng section the record is in (0 for pcap), as
 * tshark's {@code frame.section_number}. {@code hasTimestamp} is false for records that carry no
 * time (pcapng Simple Packet Blocks): their {@code timestamp} is zero, and tshark shows no times.
 * {@code packetFlags} is a pcapng Enhanced Packet Block's flags word (epb_flags: direction,
 * reception type, FCS length, link-layer errors), or -1 when the record has none.
 */
public record CaptureRecord(Timestamp timestamp, int interfaceId, int linkType, int originalLength,
                            byte[] data, int capturedLength, long fileOffset, String comment,
                            int sectionNumber, boolean hasTimestamp, long packetFlags) {
    public CaptureRecord {
        if (capturedLength > data.length) {
            throw new IllegalArgumentException("captured length beyond data");
        }
    }

    /** A record outside any pcapng section (pcap files, synthesised records). */
    public CaptureRecord(Timestamp timestamp, int interfaceId, int linkType, int originalLength,
                         byte[] data, int capturedLength, long fileOffset, String comment) {
        this(timestamp, interfaceId, linkType, originalLength, data, capturedLength, fileOffset, comment, 0, true, -1);
    }

    /**
     * The FCS length in bytes that the packet flags give (bits 5-8), or -1 when unknown: no flags,
     * or a length of 0 there (wiretap's pcapng reader, which hands Ethernet this as its fcs_len).
     */
    public int fcsLength() {
        int bytes = packetFlags < 0 ? 0 : (int) ((packetFlags >> 5) & 0xf);
        return bytes == 0 ? -1 : bytes;
    }
}
