package io.jdissect.protocols.tcp;

/**
 * Sequence number arithmetic modulo 2^32 (RFC 9293 section 3.4), as packet-tcp.c's LT_SEQ etc.;
 * public for analyzers that follow a stream by {@link TcpInfo}'s numbers.
 */
public final class Seq {
    private Seq() {
    }

    public static long add(long a, long b) {
        return (a + b) & 0xffffffffL;
    }

    public static long sub(long a, long b) {
        return (a - b) & 0xffffffffL;
    }

    /** a < b in sequence space. */
    public static boolean lt(long a, long b) {
        return (int) (a - b) < 0;
    }

    public static boolean le(long a, long b) {
        return (int) (a - b) <= 0;
    }

    public static boolean gt(long a, long b) {
        return (int) (a - b) > 0;
    }

    public static boolean ge(long a, long b) {
        return (int) (a - b) >= 0;
    }
}
