package io.jdissect.output;

import io.jdissect.api.Timestamp;
import io.jdissect.field.FieldFormat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The formats of the Time column, as tshark's {@code -t}: relative to the first frame (the
 * default), absolute, with date, with day of year, epoch, deltas, in local time or UTC. Seconds
 * carry as many decimals as the capture's timestamps have (6 for microsecond pcap, 9 for
 * nanosecond).
 */
public enum TimeFormat {
    RELATIVE("r"), DELTA("d"), DELTA_DISPLAYED("dd"), ABSOLUTE("a"), ABSOLUTE_DATE("ad"),
    ABSOLUTE_DOY("adoy"), EPOCH("e"), UTC("u"), UTC_DATE("ud"), UTC_DOY("udoy");

    private final String option;

    TimeFormat(String option) {
        this.option = option;
    }

    /** The {@code -t} letter(s). */
    public String option() {
        return option;
    }

    /** The format for a {@code -t} value, or null if tshark has no such format. */
    public static TimeFormat of(String option) {
        for (TimeFormat f : values()) {
            if (f.option.equals(option)) {
                return f;
            }
        }
        return null;
    }

    /** True for the formats that are offsets from another frame. */
    public boolean isOffset() {
        return this == RELATIVE || this == DELTA || this == DELTA_DISPLAYED;
    }

    /**
     * The column text: {@code offset} is used by the offset formats, {@code absolute} by the others;
     * {@code digits} is the number of decimals.
     */
    public String format(Timestamp absolute, Timestamp offset, int digits) {
        switch (this) {
            case RELATIVE:
            case DELTA:
            case DELTA_DISPLAYED:
                return seconds(offset, digits);
            case EPOCH:
                return seconds(absolute, digits);
            default:
                break;
        }
        if (!FieldFormat.representable(absolute.seconds())) {
            return ""; // tshark's column stays empty when the date is not representable
        }
        ZoneId zone = this == UTC || this == UTC_DATE || this == UTC_DOY ? ZoneOffset.UTC : FieldFormat.zone();
        ZonedDateTime z = Instant.ofEpochSecond(absolute.seconds(), Math.max(0, absolute.nanos())).atZone(zone);
        String clock = String.format("%02d:%02d:%02d", z.getHour(), z.getMinute(), z.getSecond())
                + fraction(z.getNano(), digits);
        switch (this) {
            case ABSOLUTE_DATE:
            case UTC_DATE:
                return String.format("%04d-%02d-%02d ", z.getYear(), z.getMonthValue(), z.getDayOfMonth()) + clock;
            case ABSOLUTE_DOY:
            case UTC_DOY:
                return String.format("%04d/%03d ", z.getYear(), z.getDayOfYear()) + clock;
            default:
                return clock;
        }
    }

    /** Signed seconds with {@code digits} decimals, truncated (the capture has no finer digits). */
    static String seconds(Timestamp t, int digits) {
        long total = t.toNanos();
        String sign = total < 0 ? "-" : "";
        long abs = Math.abs(total);
        return sign + (abs / 1_000_000_000L) + fraction((int) (abs % 1_000_000_000L), digits);
    }

    private static String fraction(int nanos, int digits) {
        if (digits <= 0) {
            return "";
        }
        String n = String.format("%09d", nanos);
        return "." + n.substring(0, Math.min(9, digits));
    }
}
