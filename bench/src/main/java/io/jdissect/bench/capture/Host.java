package io.jdissect.bench.capture;

/** One machine on the synthetic network: its MAC and IPv4 address, and the IP ID counter it stamps on packets. */
final class Host {
    final byte[] mac;
    final byte[] ip;
    final String name;
    final int ttl;
    /** Offset of this host's TCP timestamp clock, so hosts do not share a clock (RFC 7323 TSval is per host). */
    final long tsOffset;
    private int ipId;
    private int nextPort;

    Host(byte[] mac, byte[] ip, String name, int ttl, long tsOffset, int ipId, int firstPort) {
        this.mac = mac;
        this.ip = ip;
        this.name = name;
        this.ttl = ttl;
        this.tsOffset = tsOffset;
        this.ipId = ipId;
        this.nextPort = firstPort;
    }

    int nextIpId() {
        ipId = (ipId + 1) & 0xffff;
        return ipId;
    }

    /**
     * The next ephemeral port, Linux-style (32768–60999), moving forward so that no 4-tuple is reused
     * while the capture is short enough for one lap per client.
     */
    int nextEphemeralPort(int step) {
        nextPort += step;
        if (nextPort > 60999) {
            nextPort = 32768 + (nextPort - 61000);
        }
        return nextPort;
    }

    String dottedIp() {
        return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
    }
}
