#!/usr/bin/env python3
"""Writes interleaved_streams.pcap: four SMTP connections whose segments interleave (each comes back
after the others), one of them closed and its ports reused by a new connection, so that a cap on
connections with state (tcp.jdissect.max_streams) evicts connections that come back. tshark's
tcp.stream for each frame is beside it: interleaved_streams.pcap.fields.tsv, made by
  tshark -r interleaved_streams.pcap -T fields -E header=y -e frame.number -e tcp.stream -e tcp.seq -e tcp.len
"""
import struct

F, S, P, A = 0x01, 0x02, 0x08, 0x10
SERVER = bytes([192, 0, 2, 25])


def ip4(src, dst, tcp):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, src, dst)
    return hdr + tcp


def frame(src, dst, sport, dport, seq, ack, flags, payload=b""):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, 65535, 0, 0)
    eth = b"\x02\0\0\0\0\x02" + b"\x02\0\0\0\0\x01" + b"\x08\x00"
    return eth + ip4(src, dst, tcp + payload)


class Connection:
    def __init__(self, client, port, isn):
        self.client, self.port, self.c, self.s = client, port, isn, 7000 + isn

    def open(self):
        c, s = self.c, self.s
        self.c, self.s = c + 1, s + 1
        return [frame(self.client, SERVER, self.port, 25, c, 0, S),
                frame(SERVER, self.client, 25, self.port, s, c + 1, S | A),
                frame(self.client, SERVER, self.port, 25, c + 1, s + 1, A)]

    def client_says(self, text):
        f = frame(self.client, SERVER, self.port, 25, self.c, self.s, P | A, text)
        self.c += len(text)
        return [f]

    def server_says(self, text):
        f = frame(SERVER, self.client, 25, self.port, self.s, self.c, P | A, text)
        self.s += len(text)
        return [f]

    def close(self):
        c, s = self.c, self.s
        return [frame(self.client, SERVER, self.port, 25, c, s, F | A),
                frame(SERVER, self.client, 25, self.port, s, c + 1, F | A),
                frame(self.client, SERVER, self.port, 25, c + 1, s + 1, A)]


def main():
    a = Connection(bytes([198, 51, 100, 1]), 40001, 1000)
    b = Connection(bytes([198, 51, 100, 2]), 40002, 2000)
    c = Connection(bytes([198, 51, 100, 3]), 40003, 3000)
    frames = a.open() + b.open() + a.server_says(b"220 a ready\r\n") + c.open()
    frames += b.server_says(b"220 b ready\r\n") + a.client_says(b"EHLO a\r\n") + c.server_says(b"220 c ready\r\n")
    frames += b.client_says(b"EHLO b\r\n") + a.server_says(b"250 a\r\n") + c.client_says(b"HELO c\r\n")
    frames += a.client_says(b"QUIT\r\n") + a.close()
    reused = Connection(bytes([198, 51, 100, 1]), 40001, 5000)  # the ports of a, a new connection
    frames += reused.open() + b.server_says(b"250 b\r\n") + reused.server_says(b"220 again\r\n")
    frames += c.server_says(b"250 c\r\n") + b.client_says(b"QUIT\r\n") + reused.client_says(b"EHLO again\r\n")
    frames += c.client_says(b"QUIT\r\n") + b.close() + c.close() + reused.close()
    with open("interleaved_streams.pcap", "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, f in enumerate(frames):
            out.write(struct.pack("<IIII", 1700000000 + i // 10, (i % 10) * 100000, len(f), len(f)) + f)


if __name__ == "__main__":
    main()
