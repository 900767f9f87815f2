#!/usr/bin/env python3
"""Writes tcp_reordered.pcap: what capture points on real networks record out of order or twice, each
case on ports of its own. A SYN/ACK before its SYN; a SYN sent again with the same ISN after the
SYN/ACK, after data, after FIN and after RST (tshark 4.0 keeps each in its connection: a
retransmission, not a new one); a SYN with another ISN after a SYN/ACK seen first (a new connection);
an ACK seen before the data it acknowledges, then that data, then duplicate ACKs (tshark 4.0.17 says
"ACKed unseen segment" once and counts the duplicates from 1); an ACK of data that never comes, sent
three times, then one of still more (no flag, but tshark's analysis record is made); a FIN sent again after the other side's FIN answered it (tshark: it starts the close
again); data with a segment lost and acknowledged, and two segments swapped (follow,tcp: the gap
marked, the order restored). Ports carry no protocol tshark knows. tshark's outputs beside it: see
tcp_reordered.pcap.meta.txt."""
import struct
import sys

from make_tcp_edge_cases import packet  # the same Ethernet/IPv4/TCP frames, checksums right

F, S, R, P, A = 0x01, 0x02, 0x04, 0x08, 0x10
C_ADDR, S_ADDR = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
WINDOW = 64240


def case(out, port, steps):
    """steps: (from_client, seq, ack, flags, payload); raw numbers, client ISN 1000, server ISN 5000."""
    for from_client, seq, ack, flags, payload in steps:
        if from_client:
            out.append(packet(C_ADDR, S_ADDR, port, 33400, seq, ack, flags, payload, window=WINDOW))
        else:
            out.append(packet(S_ADDR, C_ADDR, 33400, port, seq, ack, flags, payload, window=WINDOW))


def main(path):
    I, J = 1000, 5000
    out = []
    c, s = True, False
    case(out, 40001, [(s, J, I + 1, S | A, b""), (c, I, 0, S, b""), (c, I + 1, J + 1, A, b"")])
    case(out, 40002, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I, 0, S, b""), (s, J, I + 1, S | A, b""),
                      (c, I + 1, J + 1, A, b"")])
    case(out, 40003, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I + 1, J + 1, A, b""),
                      (c, I + 1, J + 1, P | A, b"HELLO\r\n"), (c, I, 0, S, b""), (s, J + 1, I + 8, A, b"")])
    case(out, 40004, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I + 1, J + 1, A, b""),
                      (c, I + 1, J + 1, F | A, b""), (s, J + 1, I + 2, F | A, b""), (c, I + 2, J + 2, A, b""),
                      (c, I, 0, S, b"")])
    case(out, 40005, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I + 1, J + 1, A, b""),
                      (s, J + 1, I + 1, R, b""), (c, I, 0, S, b"")])
    case(out, 40006, [(s, J, I + 1, S | A, b""), (c, I + 7, 0, S, b""), (c, I + 1, J + 1, A, b"")])
    data = b"x" * 100
    case(out, 40007, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I + 1, J + 1, A, b""),
                      (s, J + 1, I + 1, P | A, data), (c, I + 1, J + 101, A, b""),
                      (c, I + 1, J + 201, A, b""), (s, J + 101, I + 1, P | A, data),
                      (c, I + 1, J + 201, A, b""), (c, I + 1, J + 201, A, b"")])
    case(out, 40008, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I + 1, J + 1, A, b""),
                      (s, J + 1, I + 1, P | A, data), (c, I + 1, J + 301, A, b""),
                      (c, I + 1, J + 301, A, b""), (c, I + 1, J + 301, A, b""), (c, I + 1, J + 401, A, b"")])
    case(out, 40009, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I + 1, J + 1, A, b""),
                      (c, I + 1, J + 1, F | A, b""), (s, J + 1, I + 2, F | A, b""), (c, I + 1, J + 2, F | A, b""),
                      (s, J + 2, I + 2, A, b"")])
    seg = [bytes([ord("A") + k]) * 100 for k in range(5)]
    case(out, 40010, [(c, I, 0, S, b""), (s, J, I + 1, S | A, b""), (c, I + 1, J + 1, A, b""),
                      (s, J + 1, I + 1, P | A, seg[0]), (s, J + 201, I + 1, P | A, seg[2]),
                      (c, I + 1, J + 301, A, b""), (s, J + 401, I + 1, P | A, seg[4]),
                      (s, J + 301, I + 1, P | A, seg[3]), (c, I + 1, J + 501, A, b"")])
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for k, frame in enumerate(out):
            f.write(struct.pack("<IIII", 1_700_000_000, 1000 * k, len(frame), len(frame)))
            f.write(frame)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tcp_reordered.pcap")
