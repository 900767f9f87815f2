package io.jdissect.capture;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the packet records of one capture file, one at a time, in file order; memory use does not
 * depend on the file's size.
 */
public interface CaptureReader extends Closeable {
    /**
     * The next record, or null at a clean end of file. Throws {@link CaptureException} naming the
     * byte offset of the damage when the file is corrupt or truncated; the records returned before
     * stay valid.
     */
    CaptureRecord next() throws IOException;

    /** "pcap", "nsecpcap" or "pcapng", as tshark's capinfos names them. */
    String formatName();

    /** Interface descriptions seen so far (pcapng IDBs; one for pcap). */
    java.util.List<CaptureInterface> interfaces();
}
