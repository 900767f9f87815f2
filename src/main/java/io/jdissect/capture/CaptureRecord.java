package io.jdissect.capture;

import io.jdissect.tree.Timestamp;

/**
 * One packet record of a capture file: when it was captured, on which interface with which link
 * type, how long it was on the wire, and the bytes captured ({@code data[0..capturedLength)}).
 * {@code fileOffset} is where the record starts in the file, for error messages.
 */
public record CaptureRecord(Timestamp timestamp, int interfaceId, int linkType, int originalLength,
                            byte[] data, int capturedLength, long fileOffset, String comment) {
    public CaptureRecord {
        if (capturedLength > data.length) {
            throw new IllegalArgumentException("captured length beyond data");
        }
    }
}
