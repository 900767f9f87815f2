package io.jdissect.api;

/**
 * The summary columns of one packet (Wireshark's column_info): the dissectors set Protocol and
 * Info as they go, lower layers set Source and Destination; the last writer wins, so the highest
 * layer's values are shown.
 */
public final class Columns {
    private static final int MAX_INFO = 4095;
    private String protocol = "";
    // Made on the first write: inactive columns never write.
    private StringBuilder info;
    // A String, or an Address formatted when first read: lower layers set addresses that higher
    // layers replace, and runs that print no columns never read them.
    private Object source = "";
    private Object destination = "";
    private boolean infoFenced;
    private int fence;
    // Off when nothing prints or filters a column: every call below then does nothing.
    private boolean active = true;

    /**
     * Whether anything reads the columns (Wireshark builds them only for a column display or a
     * {@code _ws.col.*} filter). When not, setting them does nothing, and a dissector may skip the
     * work of making their text.
     */
    public boolean active() {
        return active;
    }

    /** Set by the engine before the packet is dissected: columns nobody reads are not kept. */
    void setActive(boolean active) {
        this.active = active;
    }

    /** The Protocol and Info columns at one moment, to put back with {@link #restore}. */
    public record State(String protocol, String info, boolean infoFenced, int fence) {
    }

    /** The current Protocol and Info, e.g. before calling a dissector that may fail. */
    public State snapshot() {
        return new State(protocol, info == null ? "" : info.toString(), infoFenced, fence);
    }

    /** Puts back Protocol and Info as they were at {@code s}. */
    public void restore(State s) {
        if (!active) {
            return;
        }
        protocol = s.protocol();
        buffer().setLength(0);
        info.append(s.info());
        infoFenced = s.infoFenced();
        fence = s.fence();
    }

    public String protocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        if (!active) {
            return;
        }
        this.protocol = protocol;
    }

    /** Info as shown: tshark keeps at most COL_MAX_INFO_LEN - 1 (4095) characters. */
    public String info() {
        if (info == null) {
            return "";
        }
        return info.length() <= MAX_INFO ? info.toString() : info.substring(0, MAX_INFO);
    }

    private StringBuilder buffer() {
        if (info == null) {
            info = new StringBuilder(128);
        }
        return info;
    }

    /** col_clear + col_set_str: replaces the Info text after the fence, if any. */
    public void setInfo(String text) {
        if (!active) {
            return;
        }
        buffer().setLength(infoFenced ? fence : 0);
        info.append(text);
    }

    /** col_clear for Info. */
    public void clearInfo() {
        if (!active) {
            return;
        }
        buffer().setLength(infoFenced ? fence : 0);
    }

    /** col_append_str. */
    public void appendInfo(String text) {
        if (!active) {
            return;
        }
        buffer().append(text);
    }

    /** col_append_sep_str: appends with {@code sep} unless Info is empty (the whole column: a fence does not count). */
    public void appendInfoSep(String sep, String text) {
        if (!active) {
            return;
        }
        if (buffer().length() > 0) {
            info.append(sep);
        }
        info.append(text);
    }

    /**
     * col_prepend_fence_fstr: puts {@code text} in front of Info and keeps it there whatever later
     * dissectors set (TCP's "[TCP Retransmission] " prefixes).
     */
    public void prependInfoFenced(String text) {
        if (!active) {
            return;
        }
        buffer().insert(0, text);
        fence = infoFenced ? fence + text.length() : text.length();
        infoFenced = true;
    }

    /** col_set_fence: later set/clear calls keep the text written so far. */
    public void fenceInfo() {
        if (!active) {
            return;
        }
        infoFenced = true;
        fence = buffer().length();
    }

    public String source() {
        if (source instanceof Address a) {
            source = a.toString();
        }
        return (String) source;
    }

    public String destination() {
        if (destination instanceof Address a) {
            destination = a.toString();
        }
        return (String) destination;
    }

    public void setSource(String source) {
        if (!active) {
            return;
        }
        this.source = source;
    }

    public void setDestination(String destination) {
        if (!active) {
            return;
        }
        this.destination = destination;
    }

    /** Sets Source to an address, formatted as {@link Address#toString()} only if read. */
    public void setSource(Address source) {
        if (!active) {
            return;
        }
        this.source = source;
    }

    /** Sets Destination to an address, formatted as {@link Address#toString()} only if read. */
    public void setDestination(Address destination) {
        if (!active) {
            return;
        }
        this.destination = destination;
    }
}
