package io.jdissect.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes packet records as a capture file ({@code -w}), keeping each record's bytes, lengths,
 * timestamp (at its interface's resolution) and link type. {@link #close} finishes the file and
 * closes the stream.
 */
public interface CaptureWriter extends Closeable {
    /** The formats of {@code -F}, the default first. */
    List<String> FORMATS = List.of("pcapng", "pcap");

    /** A writer of {@code format} ("pcapng" or "pcap"); another name → IllegalArgumentException. */
    static CaptureWriter create(String format, OutputStream out) {
        switch (format) {
            case "pcapng":
                return new PcapngWriter(out);
            case "pcap":
                return new PcapWriter(out);
            default:
                throw new IllegalArgumentException("\"" + format + "\" isn't a capture file type jdissect writes (it writes "
                        + String.join(", ", FORMATS) + ")");
        }
    }

    /**
     * Writes one record read from a capture whose reader knows {@code interfaces}; throws
     * {@link IOException} when the format cannot hold it (pcap: a second link type).
     */
    void write(CaptureRecord record, List<CaptureInterface> interfaces) throws IOException;

    /**
     * The interface a record was captured on. pcap has one; pcapng records carry their id within
     * their section, looked up in the reader's list as tshark 4.0 does (see
     * {@link CaptureReader#interfaces()}), with the record's own link type.
     */
    static CaptureInterface interfaceOf(CaptureRecord record, List<CaptureInterface> interfaces) {
        int index = Math.max(record.interfaceId(), 0);
        CaptureInterface iface = index < interfaces.size() ? interfaces.get(index) : null;
        if (iface == null) {
            return new CaptureInterface(record.linkType(), 0, 1_000_000L, null, null);
        }
        return iface.linkType() == record.linkType() ? iface
                : new CaptureInterface(record.linkType(), iface.snapLength(), iface.unitsPerSecond(), iface.name(),
                        iface.description());
    }

    /** The timestamp in units of {@code unitsPerSecond} since the epoch (rounded to the nearest unit). */
    static long timestampUnits(CaptureRecord record, long unitsPerSecond) {
        long sec = record.timestamp().seconds();
        long nanos = record.timestamp().nanos();
        long fraction = BigInteger.valueOf(nanos).multiply(BigInteger.valueOf(unitsPerSecond))
                .add(BigInteger.valueOf(500_000_000L)).divide(BigInteger.valueOf(1_000_000_000L))
                .longValueExact();
        return sec * unitsPerSecond + fraction;
    }
}
