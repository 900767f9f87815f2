package io.jdissect.protocols.tcp;

/** tshark 4.0's text for tcp.completeness (conversation_completeness_fill). */
final class Completeness {
    private static final int HANDSHAKE = TcpStream.SYN_SENT | TcpStream.SYN_ACK | TcpStream.ACK;

    private Completeness() {
    }

    static String label(int v) {
        String state;
        if (v == TcpStream.SYN_SENT) {
            state = "Incomplete, SYN_SENT";
        } else if (v == (TcpStream.SYN_SENT | TcpStream.SYN_ACK)) {
            state = "Incomplete, CLIENT_ESTABLISHED";
        } else if (v == HANDSHAKE) {
            state = "Incomplete, ESTABLISHED";
        } else if (v == (HANDSHAKE | TcpStream.DATA)) {
            state = "Incomplete, DATA";
        } else if ((v & ~(TcpStream.FIN | TcpStream.RST)) == (HANDSHAKE | TcpStream.DATA)
                && (v & (TcpStream.FIN | TcpStream.RST)) != 0) {
            state = "Complete, WITH_DATA";
        } else if ((v & ~(TcpStream.FIN | TcpStream.RST)) == HANDSHAKE && (v & (TcpStream.FIN | TcpStream.RST)) != 0) {
            state = "Complete, NO_DATA";
        } else {
            state = "Incomplete";
        }
        return state + " (" + v + ")";
    }
}
