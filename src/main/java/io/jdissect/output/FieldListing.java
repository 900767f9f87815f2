package io.jdissect.output;

import io.jdissect.api.Base;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldRegistry;
import io.jdissect.api.FieldType;
import io.jdissect.api.ProtocolDef;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/**
 * tshark's {@code -G fields} and {@code -G protocols} reports, from the registry: one line per
 * protocol ({@code P\tName\tabbrev}) and field ({@code F\tName\tabbrev\ttype\tprotocol\tbase\tmask\tblurb}),
 * in registration order, a name registered several times (llc.control.p for 8- and 16-bit control
 * fields) once, as tshark lists it; {@code -G protocols} gives {@code Name\tShort name\tabbrev}.
 */
public final class FieldListing {
    private FieldListing() {
    }

    public static void fields(FieldRegistry registry, PrintWriter out) {
        Set<String> listed = new HashSet<>();
        for (FieldDef f : registry.all()) {
            if (!listed.add(f.abbrev())) {
                continue;
            }
            if (f.isProtocol()) {
                out.print("P\t" + f.name() + "\t" + f.abbrev() + "\n");
            } else {
                out.print("F\t" + f.name() + "\t" + f.abbrev() + "\t" + f.type().name() + "\t" + f.protocol().abbrev()
                        + "\t" + baseColumn(f) + "\t0x" + Long.toHexString(f.bitmask()) + "\t"
                        + (f.blurb() == null ? "" : f.blurb()) + "\n");
            }
        }
        out.flush();
    }

    public static void protocols(FieldRegistry registry, PrintWriter out) {
        for (ProtocolDef p : registry.protocols()) {
            out.print(p.name() + "\t" + p.shortName() + "\t" + p.abbrev() + "\n");
        }
        out.flush();
    }

    /** Integers show their base, booleans the bit width of their mask (0 without), the rest nothing. */
    static String baseColumn(FieldDef f) {
        FieldType t = f.type();
        if (t == FieldType.FT_BOOLEAN) {
            return Integer.toString(f.booleanBits());
        }
        if (t.isInteger() && t != FieldType.FT_FRAMENUM) {
            return f.base() == Base.NONE ? "BASE_NONE" : f.base().label();
        }
        return "";
    }
}
