package io.jdissect.output;

import io.jdissect.api.Packet;
import io.jdissect.api.Timestamp;
import io.jdissect.capture.CaptureInterface;

import java.util.List;
import java.util.function.Supplier;

/**
 * The text of tshark's default summary columns for a packet — {@code No.}, {@code Time},
 * {@code Source}, {@code Destination}, {@code Protocol}, {@code Length}, {@code Info} — also
 * reachable as the {@code _ws.col.*} fields. The Time column follows {@code -t} and shows as many
 * decimals as the capture interface's timestamp resolution.
 */
public final class SummaryColumns {
    /** Column titles in tshark's default order. */
    public static final List<String> TITLES = List.of("No.", "Time", "Source", "Destination", "Protocol", "Length", "Info");
    private static final int DEFAULT_DIGITS = 6;

    private final TimeFormat timeFormat;
    private Supplier<List<CaptureInterface>> interfaces = List::of;
    private Timestamp previousDisplayed;

    public SummaryColumns(TimeFormat timeFormat) {
        this.timeFormat = timeFormat;
    }

    /** Default columns: time relative to the first frame. */
    public SummaryColumns() {
        this(TimeFormat.RELATIVE);
    }

    /** Where to look up the capture's interfaces (for their timestamp resolution). */
    public SummaryColumns interfaces(Supplier<List<CaptureInterface>> source) {
        this.interfaces = source;
        return this;
    }

    public TimeFormat timeFormat() {
        return timeFormat;
    }

    /** Decimals of the packet's timestamps: 6 for microseconds, 9 for nanoseconds. */
    public int timeDigits(Packet p) {
        int id = p.record().interfaceId();
        List<CaptureInterface> list = interfaces.get();
        int index = id >= 0 ? id : 0;
        if (index >= list.size()) {
            return DEFAULT_DIGITS;
        }
        long units = list.get(index).unitsPerSecond();
        int digits = 0;
        while (units >= 10 && digits < 9) {
            units /= 10;
            digits++;
        }
        return digits;
    }

    /** The Time column of a packet in the configured format. */
    public String time(Packet p) {
        Timestamp offset;
        switch (timeFormat) {
            case DELTA:
                offset = p.info().deltaTime();
                break;
            case DELTA_DISPLAYED:
                offset = previousDisplayed == null ? Timestamp.ZERO : p.timestamp().minus(previousDisplayed);
                break;
            default:
                offset = p.info().relativeTime();
        }
        return timeFormat.format(p.timestamp(), offset, timeDigits(p));
    }

    /** Tells the columns a packet was shown, so {@code -t dd} counts from it. */
    public void displayed(Packet p) {
        previousDisplayed = p.timestamp();
    }

    /** A column by its title, or null for an unknown title. */
    public String column(Packet p, String title) {
        switch (title) {
            case "No.":
                return Long.toString(p.number());
            case "Time":
                return time(p);
            case "Source":
                return p.columns().source();
            case "Destination":
                return p.columns().destination();
            case "Protocol":
                return p.columns().protocol();
            case "Length":
                return Integer.toString(p.record().originalLength());
            case "Info":
                return p.columns().info();
            default:
                return null;
        }
    }
}
