package io.jdissect.protocols.tcp;

import java.util.function.IntFunction;

/**
 * The 12 flag bits of the TCP header (RFC 9293 section 3.1, RFC 3168, RFC 9768's AE) and the two
 * ways tshark writes them: the Info/summary list ("SYN, ACK") and {@code tcp.flags.str}
 * ("·······A··S·").
 */
final class TcpHeaderFlags {
    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int PSH = 0x008;
    static final int ACK = 0x010;
    static final int URG = 0x020;
    static final int ECE = 0x040;
    static final int CWR = 0x080;
    static final int AE = 0x100;
    static final int RESERVED = 0xe00;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    /*
     * Both texts of each combination of the 12 bits, made the first time it is met: every segment
     * of a tree or Info column asks, and a capture has a handful of combinations. Racy but safe:
     * a String is immutable, and two threads at worst make the same text twice.
     */
    private static final String[] NAMES_OF = new String[1 << 12];
    private static final String[] LETTERS_OF = new String[1 << 12];

    private TcpHeaderFlags() {
    }

    /** tcp_flags_to_str: "SYN, ACK", "Reserved" for reserved bits, "<None>" when none is set. */
    static String names(int flags) {
        return cached(NAMES_OF, flags, TcpHeaderFlags::spellNames);
    }

    private static String cached(String[] texts, int flags, IntFunction<String> spell) {
        int bits = flags & 0xfff;
        String s = texts[bits];
        if (s == null) {
            s = spell.apply(bits);
            texts[bits] = s;
        }
        return s;
    }

    private static String spellNames(int flags) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(NAMES[i]);
            }
        }
        if ((flags & RESERVED) != 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append("Reserved");
        }
        return sb.length() == 0 ? "<None>" : sb.toString();
    }

    /** tcp_flags_to_str_first_letter: one character per bit, most significant first, '·' if clear. */
    static String letters(int flags) {
        return cached(LETTERS_OF, flags, TcpHeaderFlags::spellLetters);
    }

    private static String spellLetters(int flags) {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 11; i >= 0; i--) {
            if ((flags & (1 << i)) == 0) {
                sb.append('\u00b7');
            } else {
                sb.append(i > 8 ? 'R' : NAMES[i].charAt(0));
            }
        }
        return sb.toString();
    }
}
