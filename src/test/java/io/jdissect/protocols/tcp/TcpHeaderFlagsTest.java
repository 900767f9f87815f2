package io.jdissect.protocols.tcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Both texts of the flags as tshark 4.0 writes them (shared captures' -T json), the same object when asked again. */
class TcpHeaderFlagsTest {
    @Test
    void spellsTheFlagsAsTshark() {
        int ack = TcpHeaderFlags.ACK;
        int pshAck = TcpHeaderFlags.PSH | TcpHeaderFlags.ACK;
        int finAck = TcpHeaderFlags.FIN | TcpHeaderFlags.ACK;
        assertEquals("\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7A\u00b7\u00b7\u00b7\u00b7", TcpHeaderFlags.letters(ack));
        assertEquals("\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7AP\u00b7\u00b7\u00b7", TcpHeaderFlags.letters(pshAck));
        assertEquals("\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7A\u00b7\u00b7\u00b7F", TcpHeaderFlags.letters(finAck));
        assertEquals("\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7S\u00b7", TcpHeaderFlags.letters(TcpHeaderFlags.SYN));
        assertEquals("PSH, ACK", TcpHeaderFlags.names(pshAck));
        assertEquals("FIN, ACK", TcpHeaderFlags.names(finAck));
        assertSame(TcpHeaderFlags.names(pshAck), TcpHeaderFlags.names(pshAck));
        assertSame(TcpHeaderFlags.letters(pshAck), TcpHeaderFlags.letters(pshAck));
    }
}
