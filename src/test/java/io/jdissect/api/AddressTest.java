package io.jdissect.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Addresses as tshark shows them without name resolution. */
class AddressTest {
    @Test
    void formatsAsTsharkDoes() {
        assertEquals("192.168.1.10", Address.FormatUtil.ipv4(0xc0a8010aL));
        assertEquals("0.0.0.0", Address.FormatUtil.ipv4(0));
        assertEquals("255.255.255.255", Address.FormatUtil.ipv4(0xffffffffL));
        assertEquals("00:1b:21:0a:ff:e0", Address.FormatUtil.ether(new byte[] {0, 0x1b, 0x21, 0x0a, (byte) 0xff, (byte) 0xe0}));
        assertEquals("2001:db8::1", new Address(Address.Type.IPv6,
                new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}).toString());
    }
}
