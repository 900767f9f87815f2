package io.jdissect.protocols.imf;

import io.jdissect.api.Tvb;
import io.jdissect.protocols.text.TextFormat;

/**
 * Text of raw bytes as Wireshark shows it in the Info column and in text-only tree lines:
 * {@code tvb_format_text} ({@link TextFormat}) and {@code tvb_format_text_wsp}, which shows every
 * ASCII white-space byte as one space, so a body line {@code "text\r\n"} reads {@code "text  "}.
 */
public final class FormatText {
    private FormatText() {
    }

    /** {@code tvb_format_text}: escapes control characters. */
    public static String text(Tvb tvb, int offset, int length) {
        return TextFormat.of(tvb, offset, length);
    }

    /** {@code tvb_format_text_wsp}: white space becomes a space, the rest as {@link #text}. */
    public static String textWsp(Tvb tvb, int offset, int length) {
        byte[] b = tvb.bytes(offset, length);
        for (int i = 0; i < b.length; i++) {
            if (isAsciiSpace(b[i] & 0xff)) {
                b[i] = ' ';
            }
        }
        return TextFormat.of(b);
    }

    /** g_ascii_isspace: space, tab, LF, VT, FF, CR. */
    public static boolean isAsciiSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }
}
