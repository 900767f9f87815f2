package io.jdissect.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jdissect.api.FieldDef;
import io.jdissect.api.FieldType;
import io.jdissect.api.Timestamp;
import io.jdissect.api.TreeItem;
import io.jdissect.field.FieldFormat;

import java.io.IOException;

/**
 * Writes field values as tshark's JSON strings ({@link FieldFormat#jsonText}). Byte strings,
 * integers and relative times, most of a packet's values, are formatted as ASCII into one reused
 * array and handed to the generator as they are (digits, hex, colons, dots and minus signs need no
 * escaping): a String per value made most of what a JSON run allocated. One per writer; not for
 * several threads.
 */
final class JsonValues {
    private byte[] scratch = new byte[64];

    void write(JsonGenerator gen, TreeItem item) throws IOException {
        FieldDef def = item.def();
        FieldType t = def.type();
        if (t == FieldType.FT_BYTES) {
            if (item.valueIsOwnBytes()) { // a payload: hex straight from its data source
                hex(gen, item.tvb().array(), item.tvb().arrayOffset() + item.offset(), item.capturedLength());
                return;
            }
            byte[] b = item.bytesValue();
            if (b != null) {
                hex(gen, b, 0, b.length);
                return;
            }
        } else if ((t.isUnsigned() || t.isSigned()) && integer(gen, def, item.longValue())) {
            return;
        } else if (t == FieldType.FT_RELATIVE_TIME && item.value() instanceof Timestamp time) {
            room(Timestamp.SECONDS_TEXT_MAX);
            gen.writeRawUTF8String(scratch, 0, time.writeSeconds(scratch, 0));
            return;
        }
        gen.writeString(FieldFormat.jsonText(item));
    }

    /** {@link FieldFormat#integer} for the decimal and hex bases; false (nothing written) for the others. */
    private boolean integer(JsonGenerator gen, FieldDef def, long v) throws IOException {
        switch (def.base()) {
            case BASE_HEX:
            case BASE_HEX_DEC: {
                int digits = Math.max(Math.max(1, def.type().width() * 2), (64 - Long.numberOfLeadingZeros(v) + 3) / 4);
                room(2 + digits);
                scratch[0] = '0';
                scratch[1] = 'x';
                long rest = v;
                for (int i = 1 + digits; i >= 2; i--) {
                    scratch[i] = (byte) Character.forDigit((int) (rest & 0xf), 16);
                    rest >>>= 4;
                }
                gen.writeRawUTF8String(scratch, 0, 2 + digits);
                return true;
            }
            case BASE_OCT:
                return false;
            default: {
                boolean negative = v < 0;
                if (negative && !def.type().isSigned()) {
                    return false; // above Long.MAX_VALUE as unsigned: rare, left to the String path
                }
                room(20);
                int at = 20;
                long rest = v;
                do {
                    scratch[--at] = (byte) ('0' + Math.abs(rest % 10));
                    rest /= 10;
                } while (rest != 0);
                if (negative) {
                    scratch[--at] = '-';
                }
                gen.writeRawUTF8String(scratch, at, 20 - at);
                return true;
            }
        }
    }

    /** {@code len} bytes from {@code from} as colon-separated hex. */
    private void hex(JsonGenerator gen, byte[] b, int from, int len) throws IOException {
        int n = FieldFormat.hexLength(len, ':');
        room(n);
        FieldFormat.hexAscii(b, from, len, ':', scratch);
        gen.writeRawUTF8String(scratch, 0, n);
    }

    private void room(int n) {
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
    }
}
