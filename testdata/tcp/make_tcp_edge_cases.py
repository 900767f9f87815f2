#!/usr/bin/env python3
"""Writes tcp_edge_cases.pcap: TCP segments that exercise tshark's sequence analysis and header
checks: lost segment, duplicate ACKs with SACK, fast retransmission, out-of-order, window update,
zero window and probes, keep-alive, window full, RST with a stray ACK number, a connection started
mid-stream, port reuse, bad header length, a short segment, bad option lengths, a window scale above 14, an urgent
pointer without URG and a header cut short by the snapshot length. Ports carry no protocol tshark
knows. tshark's outputs beside it: see tcp_edge_cases.pcap.meta.txt."""
import struct
import sys

F, S, R, P, A, U = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def opt_mss(v): return struct.pack("!BBH", 2, 4, v)
def opt_ws(v): return struct.pack("!BBB", 3, 3, v)
def opt_sackp(): return b"\x04\x02"
def opt_ts(a, b): return struct.pack("!BBII", 8, 10, a, b)
def opt_sack(*edges): return struct.pack("!BB", 5, 2 + 4 * len(edges)) + b"".join(struct.pack("!I", e) for e in edges)


NOP = b"\x01"


def packet(src, dst, sport, dport, seq, ack, flags, payload=b"", window=65535, options=b"", urp=0, doff=None):
    while len(options) % 4:
        options += b"\0"
    off = doff if doff is not None else 5 + len(options) // 4
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, off << 4, flags, window, 0, urp)
    tcp += options + payload
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", csum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip + tcp


class Conn:
    """One TCP connection between a client and a server, tracking both next sequence numbers."""

    def __init__(self, out, cport, sport, cisn, sisn, caddr=bytes([10, 0, 0, 1]), saddr=bytes([10, 0, 0, 2])):
        self.out, self.cport, self.sport = out, cport, sport
        self.c, self.s = cisn, sisn
        self.caddr, self.saddr = caddr, saddr

    def cli(self, flags, data=b"", seq=None, ack=None, dt=0.001, advance=True, **kw):
        q = self.c if seq is None else seq
        self.out.append((dt, packet(self.caddr, self.saddr, self.cport, self.sport, q,
                                    self.s if ack is None else ack, flags, data, **kw)))
        if advance and seq is None:
            self.c += len(data) + (1 if flags & (S | F) else 0)

    def srv(self, flags, data=b"", seq=None, ack=None, dt=0.001, advance=True, **kw):
        q = self.s if seq is None else seq
        self.out.append((dt, packet(self.saddr, self.caddr, self.sport, self.cport, q,
                                    self.c if ack is None else ack, flags, data, **kw)))
        if advance and seq is None:
            self.s += len(data) + (1 if flags & (S | F) else 0)


def main(out_path):
    pk = []
    # --- stream 0: handshake with options, then analysis cases
    c = Conn(pk, 50000, 33333, 1000, 900000)
    c.cli(S, window=64240, options=opt_mss(1460) + opt_sackp() + opt_ts(1, 0) + NOP + opt_ws(7))
    c.srv(S | A, window=65160, options=opt_mss(1460) + opt_sackp() + opt_ts(5, 1) + NOP + opt_ws(7))
    c.cli(A, window=502, dt=0.010)
    c.cli(P | A, b"a" * 100, window=502)
    c.srv(A, window=509)
    lost = c.c
    c.c += 100                                          # 100 bytes never captured
    c.cli(P | A, b"b" * 100, window=502)               # previous segment not captured
    sack = opt_sack(lost + 100, lost + 200)
    for i in range(3):                                  # duplicate ACKs with SACK
        c.srv(A, window=509, ack=lost, options=NOP + NOP + sack, dt=0.0005)
    c.cli(P | A, b"m" * 100, seq=lost, window=502, dt=0.0005)   # fast retransmission
    c.srv(A, window=509)
    o1 = c.c
    c.c += 50
    c.cli(P | A, b"d" * 50, window=502, dt=0.0002)     # second half first
    c.cli(P | A, b"c" * 50, seq=o1, window=502, dt=0.0002)  # out-of-order first half
    c.srv(A, window=509)
    c.srv(A, window=700)                                # window update
    c.srv(A, window=0)                                  # zero window
    c.cli(P | A, b"z", window=502)                      # zero window probe
    c.c -= 1                                            # the probe did not advance
    c.srv(A, window=0)                                  # zero window probe ACK
    c.srv(A, window=509)                                # window update again
    c.cli(A, seq=c.c - 1, window=502, dt=0.5)          # keep-alive
    c.srv(A, window=509)                                # keep-alive ACK
    c.cli(P | A, b"w" * 200, window=502)
    c.srv(A, window=2)                                  # window of 2*128 = 256 bytes
    c.cli(P | A, b"f" * 256, window=502)               # fills it: window full
    c.srv(A, window=509)
    c.cli(R, ack=12345, window=0)                       # RST with ACK number but no ACK flag
    # --- stream 1: joined mid-stream, no handshake
    m = Conn(pk, 50001, 33334, 777777, 555555)
    m.cli(P | A, b"x" * 30)
    m.srv(A)
    m.srv(P | A, b"y" * 20)
    m.cli(A)
    m.cli(F | A)
    m.srv(F | A)
    m.cli(A)
    # --- stream 2 then 3: the same ports reused by a new connection
    for isn in (3000, 8000):
        r = Conn(pk, 50002, 33335, isn, isn * 10)
        r.cli(S, options=opt_mss(1460))
        r.srv(S | A, options=opt_mss(1460))
        r.cli(A)
        r.cli(P | A, b"r" * 10)
        r.cli(F | A)
        r.srv(F | A)
        r.cli(A)
    # --- stream 4: header and option oddities
    h = Conn(pk, 50003, 33336, 4000, 40000)
    h.cli(S, options=opt_ws(15) + NOP + opt_mss(1460))          # window scale shift 15
    h.srv(S | A, options=struct.pack("!BB", 2, 1) + b"\0\0")   # MSS with length 1
    h.cli(A, options=opt_ts(7, 8)[:6] + b"\0\0", doff=7)      # timestamps cut by the header end
    h.cli(P | A, b"u" * 5, urp=3)                               # urgent pointer, no URG
    h.cli(P | A | U, b"v" * 5, urp=5)                           # urgent data
    h.cli(A, doff=4)                                            # header length 16
    h.cli(A, options=b"\x63\x08abcdef")                         # unassigned option kind 99
    # --- stream 4 again: a header cut short by the snapshot length
    pk.append((0.001, packet(h.caddr, h.saddr, h.cport, h.sport, h.c, h.s, A, b"cut here"), 14 + 20 + 10))
    h.c += 8
    pk.append((0.001, packet(h.caddr, h.saddr, h.cport, h.sport, h.c, h.s, P | A, b"after")))
    h.c += 5
    h.cli(A, b"short", doff=15)                                 # header of 60 bytes in a 25-byte segment
    h.cli(P | A, b"last")

    with open(out_path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        t = 1700000000.0
        for entry in pk:
            dt, p = entry[0], entry[1]
            caplen = entry[2] if len(entry) > 2 else len(p)   # snapshot length cut
            t += dt
            ts_us = round(t * 1e6)
            f.write(struct.pack("<IIII", ts_us // 1000000, ts_us % 1000000, caplen, len(p)))
            f.write(p[:caplen])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tcp_edge_cases.pcap")
