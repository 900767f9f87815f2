#!/usr/bin/env python3
"""Writes dns_tcp_segments.pcap: one DNS-over-TCP connection (port 53) whose length-prefixed
messages (RFC 1035 section 4.2.2) are split across TCP segments and packed several per segment,
with a retransmission and a one-byte segment, to test TCP desegmentation against tshark
(tcp_dissect_pdus). Then run: tshark -r dns_tcp_segments.pcap -T json > dns_tcp_segments.pcap.json
and the -T fields command in dns_tcp_segments.pcap.meta.txt."""
import struct
import sys

CLIENT = bytes([10, 0, 0, 1])
SERVER = bytes([10, 0, 0, 2])
CPORT, SPORT = 40000, 53


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def packet(src, dst, sport, dport, seq, ack, flags, payload=b"", window=64240):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, window, 0, 0) + payload
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", csum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    eth = bytes.fromhex("020000000002" "020000000001") + b"\x08\x00" if src == CLIENT else \
        bytes.fromhex("020000000001" "020000000002") + b"\x08\x00"
    return eth + ip + tcp


def name(n):
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\0"


def query(qid, qname):
    return struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + name(qname) + struct.pack("!HH", 1, 1)


def response(qid, qname, addr):
    return (struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + name(qname) + struct.pack("!HH", 1, 1)
            + struct.pack("!HHHIH", 0xC00C, 1, 1, 300, 4) + bytes(addr))


def framed(msg):
    return struct.pack("!H", len(msg)) + msg


def main(out):
    F, S, R, P, A = 0x01, 0x02, 0x04, 0x08, 0x10
    c_isn, s_isn = 1000, 5000
    cs, ss = c_isn + 1, s_isn + 1  # next sequence numbers
    pkts = []

    def c(flags, data=b""):
        nonlocal cs
        pkts.append(packet(CLIENT, SERVER, CPORT, SPORT, cs, ss, flags, data))
        cs += len(data)

    def s(flags, data=b""):
        nonlocal ss
        pkts.append(packet(SERVER, CLIENT, SPORT, CPORT, ss, cs, flags, data))
        ss += len(data)

    pkts.append(packet(CLIENT, SERVER, CPORT, SPORT, c_isn, 0, S))
    pkts.append(packet(SERVER, CLIENT, SPORT, CPORT, s_isn, c_isn + 1, S | A))
    c(A)
    q1 = framed(query(1, "one.example.com"))
    c(P | A, q1)                                  # a whole message
    q2 = framed(query(2, "two.example.org"))
    c(P | A, q2[:10])                             # first part of a message
    s(A)
    c(P | A, q2[10:])                             # completes it
    r1 = framed(response(1, "one.example.com", [192, 0, 2, 1]))
    r2 = framed(response(2, "two.example.org", [192, 0, 2, 2]))
    s(P | A, r1 + r2[:5])                         # a whole message and the start of the next
    c(A)
    s(P | A, r2[5:20])                            # its middle
    s(P | A, r2[20:])                             # its end
    c(A)
    q3 = framed(query(3, "three.example.net"))
    c(P | A, q3[:1])                              # one byte: not even the length field
    c(P | A, q3[1:])
    q4 = framed(query(4, "four.example.net"))
    before = cs
    c(P | A, q4[:12])
    s(A)
    cs = before                                   # the same segment again: a retransmission
    c(P | A, q4[:12])
    c(P | A, q4[12:])
    r3 = framed(response(3, "three.example.net", [192, 0, 2, 3]))
    r4 = framed(response(4, "four.example.net", [192, 0, 2, 4]))
    s(P | A, r3 + r4)                             # two whole messages in one segment
    q5 = framed(query(5, "five.example.com"))
    before = cs
    c(P | A, q5[:8])
    cs = before                                   # resent before any ACK: a plain retransmission
    c(P | A, q5[:8])
    c(P | A, q5[8:])
    s(P | A, framed(response(5, "five.example.com", [192, 0, 2, 5])))
    c(F | A)
    cs += 1
    s(F | A)
    ss += 1
    c(A)

    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        t = 1700000000.0
        for i, p in enumerate(pkts):
            ts = t + i * 0.001
            f.write(struct.pack("<IIII", int(ts), round((ts - int(ts)) * 1e6), len(p), len(p)))
            f.write(p)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dns_tcp_segments.pcap")
