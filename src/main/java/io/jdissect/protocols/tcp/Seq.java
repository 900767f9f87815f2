package io.jdissect.protocols.tcp;

/** Sequence number arithmetic modulo 2^32 (RFC 9293 section 3.4), as packet-tcp.c's LT_SEQ etc. */
final class Seq {
    private Seq() {
    }

    static long add(long a, long b) {
        return (a + b) & 0xffffffffL;
    }

    static long sub(long a, long b) {
        return (a - b) & 0xffffffffL;
    }

    /** a < b in sequence space. */
    static boolean lt(long a, long b) {
        return (int) (a - b) < 0;
    }

    static boolean le(long a, long b) {
        return (int) (a - b) <= 0;
    }

    static boolean gt(long a, long b) {
        return (int) (a - b) > 0;
    }

    static boolean ge(long a, long b) {
        return (int) (a - b) >= 0;
    }
}
