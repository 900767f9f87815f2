package io.jdissect.protocols.fddi;

import java.util.Map;

/**
 * The FDDI frame control octet (ANSI X3.139 section 7.3.3): class, length and format in the high
 * nibble, control bits in the low one, described as tshark's fddifc_to_str does.
 */
final class FrameControl {
    static final int CLFF = 0xf0;
    static final int ZZZZ = 0x0f;
    static final int SMT = 0x40;
    static final int MAC = 0xc0;
    static final int LLC_ASYNC = 0x50;
    static final int RESTRICTED_TOKEN = 0xc0;
    /** In an async LLC frame: a reserved bit, else the priority. */
    static final int ASYNC_RESERVED = 0x08;
    static final int ASYNC_PRIORITY = 0x07;

    static final Map<Long, String> CLF_LABELS = Map.of(0x0L, "Void", 0x4L, "SMT", 0x5L, "Async LLC",
            0x6L, "Implementor Async", 0x8L, "Nonrestricted Token", 0xcL, "MAC", 0xdL, "Sync LLC",
            0xeL, "Implementor Sync");
    static final Map<Long, String> SMT_SUBTYPES = Map.of(0x1L, "Info", 0xfL, "Next Station Address");
    static final Map<Long, String> MAC_SUBTYPES = Map.of(0x2L, "Beacon", 0x3L, "Claim");

    private FrameControl() {
    }

    /** Whether the frame carries LLC (async LLC frames, the only kind tshark hands to LLC). */
    static boolean isAsyncLlc(int fc) {
        return (fc & CLFF) == LLC_ASYNC;
    }

    static String describe(int fc) {
        switch (fc) {
            case 0x00: return "Void frame";
            case 0x80: return "Nonrestricted token";
            case 0xc0: return "Restricted token";
            case 0x41: return "SMT info";
            case 0x4f: return "SMT Next station address";
            case 0xc2: return "MAC beacon";
            case 0xc3: return "MAC claim token";
            default: break;
        }
        int z = fc & ZZZZ;
        switch (fc & CLFF) {
            case MAC: return String.format("MAC frame, control %x", z);
            case SMT: return String.format("SMT frame, control %x", z);
            case LLC_ASYNC:
                return (fc & ASYNC_RESERVED) != 0 ? String.format("Async LLC frame, control %x", z)
                        : "Async LLC frame, priority " + (fc & ASYNC_PRIORITY);
            case 0xd0: return z != 0 ? String.format("Sync LLC frame, control %x", z) : "Sync LLC frame";
            case 0x60: return String.format("Implementor async frame, control %x", z);
            case 0xe0: return String.format("Implementor sync frame, control %x", z);
            default: return "Unknown frame type";
        }
    }
}
