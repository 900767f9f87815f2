package io.jdissect.api;

/** One side of a TCP connection: address and port. */
public record Endpoint(Address address, int port) {
    /** {@code 192.0.2.1:25}, or {@code [2001:db8::1]:25} for IPv6. */
    @Override
    public String toString() {
        return (address.type() == Address.Type.IPv6 ? "[" + address + "]" : address.toString()) + ":" + port;
    }
}
