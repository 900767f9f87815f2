package io.jdissect.capture;

/**
 * A capture interface: its link type, snapshot length, timestamp resolution (as units per second)
 * and optional name and description from a pcapng Interface Description Block.
 */
public record CaptureInterface(int linkType, long snapLength, long unitsPerSecond, String name,
                               String description) {
}
