package io.jdissect.plugins.pop3;

/**
 * What packet-pop.c remembers per TCP connection ({@code struct pop_data_val}): whether the last
 * request was RETR or TOP, and how many bytes of the announced message the continuation segments
 * have carried so far. Kept in the {@link io.jdissect.api.Conversation} under this class.
 */
final class PopSession {
    /** The last request was RETR or TOP: the next {@code +OK n octets} announces a message. */
    boolean messageRequested;
    /** Bytes of continuation segments counted so far (msg_read_len). */
    long readLength;
    /** The announced size (msg_tot_len), 0 when none. */
    long totalLength;
    /** The continuation segments collected for the announced message. */
    final PopDataReassembly data = new PopDataReassembly();

    /** Everything was read: the next message starts from zero. */
    void messageDone() {
        readLength = 0;
        totalLength = 0;
    }
}
