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
     * stay valid (but see {@link #reuseRecordBytes()}).
     */
    CaptureRecord next() throws IOException;

    /**
     * From now on every record's bytes are read into one array, which the next call to {@link #next()}
     * overwrites (libpcap's {@code pcap_next} contract), instead of an array per record: for a caller
     * that is done with each record, and with everything dissected from it, before it reads the next.
     * A capture's worth of arrays is then not allocated and collected again. A reader that cannot do
     * this may ignore it: its records then stay valid.
     */
    default void reuseRecordBytes() {
    }

    /** "pcap", "nsecpcap" or "pcapng", as tshark's capinfos names them. */
    String formatName();

    /** Interface descriptions seen so far (pcapng IDBs; one for pcap). */
    java.util.List<CaptureInterface> interfaces();
}
