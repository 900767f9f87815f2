#!/usr/bin/env python3
"""Builds small captures that exercise jdissect's capture readers and lower layers, and stores
tshark's output for each beside it (X.fields.tsv, X.V.txt), so that tests never need tshark.

Run from this directory: python3 make_captures.py  (needs tshark 4.0 on PATH; TZ=UTC).
The packets are hand-built byte strings: no third-party Python packages are needed.
"""
import os
import struct
import subprocess

FIELDS = """frame.number frame.section_number frame.interface_id frame.interface_name
frame.interface_description frame.comment frame.packet_flags frame.packet_flags_direction
frame.packet_flags_reception_type frame.packet_flags_fcs_length frame.packet_flags_reserved
frame.packet_flags_crc_error frame.packet_flags_packet_too_error frame.packet_flags_packet_too_short_error
frame.packet_flags_wrong_inter_frame_gap_error frame.packet_flags_unaligned_frame_error
frame.packet_flags_start_frame_delimiter_error frame.packet_flags_preamble_error frame.packet_flags_symbol_error
frame.p2p_dir frame.encap_type frame.time_epoch frame.time_relative
frame.time_delta frame.time_delta_displayed frame.len frame.cap_len frame.protocols
eth.dst eth.src eth.addr eth.type eth.len eth.padding eth.trailer eth.lg eth.ig
vlan.priority vlan.dei vlan.id vlan.etype vlan.len vlan.trailer
sll.pkttype sll.hatype sll.halen sll.src.eth sll.unused sll.etype sll.ltype sll.ifindex
ip.version ip.hdr_len ip.dsfield ip.dsfield.dscp ip.dsfield.ecn ip.len ip.id ip.flags ip.flags.rb ip.flags.df
ip.flags.mf ip.frag_offset ip.ttl ip.proto ip.checksum ip.checksum.status ip.src ip.dst ip.addr
ip.src_host ip.dst_host ip.host ip.fragment ip.fragment.count ip.fragments ip.reassembled_in
ip.reassembled.length ip.reassembled.data ip.opt.type ip.opt.type.copy ip.opt.type.class ip.opt.type.number ip.opt.len ip.opt.ra ip.opt.ptr ip.empty_rt ip.rec_rt
ipv6.version ipv6.tclass ipv6.tclass.dscp ipv6.tclass.ecn ipv6.flow ipv6.plen ipv6.nxt ipv6.hlim
ipv6.src ipv6.dst ipv6.addr ipv6.src_host ipv6.dst_host ipv6.host
ipv6.hopopts.nxt ipv6.hopopts.len ipv6.hopopts.len_oct ipv6.dstopts.nxt ipv6.dstopts.len
ipv6.dstopts.len_oct ipv6.opt.type ipv6.opt.length ipv6.opt.padn
ipv6.routing.nxt ipv6.routing.len ipv6.routing.len_oct ipv6.routing.type ipv6.routing.segleft
ipv6.fraghdr.nxt ipv6.fraghdr.offset ipv6.fraghdr.more ipv6.fraghdr.ident
ipv6.fragment ipv6.fragment.count ipv6.reassembled.in ipv6.reassembled.length
null.family data.len _ws.col.Source _ws.col.Destination _ws.col.Protocol _ws.col.Info""".split()


EXP = 253


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ident=0x1234, flags=0x2, frag=0, ttl=64, tos=0, options=b"", total=None):
    ihl = 5 + len(options) // 4
    length = total if total is not None else ihl * 4 + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, tos, length, ident, (flags << 13) | frag, ttl, proto, 0,
                    bytes(src), bytes(dst)) + options
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def ipv6(src, dst, nxt, payload, tclass=0, flow=0x12345, hlim=64):
    first = (6 << 28) | (tclass << 20) | flow
    return struct.pack("!IHBB16s16s", first, len(payload), nxt, hlim, bytes(src), bytes(dst)) + payload


def exp(sport, dport, data):
    """A payload for IP protocol 253 (RFC 3692 experimentation), which tshark shows as data."""
    return struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data


def eth(dst, src, etype, payload):
    return bytes(dst) + bytes(src) + struct.pack("!H", etype) + payload


def vlan(tci, etype, payload):
    return struct.pack("!HH", tci, etype) + payload


A4 = [10, 0, 0, 1]
B4 = [10, 0, 0, 2]
A6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [1]
B6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [2]
MAC_A = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01]
MAC_B = [0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb]


def pcap(path, linktype, records, nsec=False, big=False, snaplen=65535):
    e = ">" if big else "<"
    magic = 0xA1B23C4D if nsec else 0xA1B2C3D4
    with open(path, "wb") as f:
        f.write(struct.pack(e + "IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype))
        for ts, data, orig in records:
            sec = int(ts)
            frac = round((ts - sec) * (1e9 if nsec else 1e6))
            f.write(struct.pack(e + "IIII", sec, frac, len(data), orig if orig else len(data)) + data)


def option(e, code, value):
    pad = (4 - len(value) % 4) % 4
    return struct.pack(e + "HH", code, len(value)) + value + b"\0" * pad


def block(e, btype, body):
    length = 12 + len(body)
    return struct.pack(e + "II", btype, length) + body + struct.pack(e + "I", length)


def shb(e):
    return block(e, 0x0A0D0D0A, struct.pack(e + "IHHq", 0x1A2B3C4D, 1, 0, -1)
                 + option(e, 4, b"jdissect test") + option(e, 0, b""))


def idb(e, linktype, name=None, descr=None, tsresol=None, snaplen=0):
    opts = b""
    if name:
        opts += option(e, 2, name.encode())
    if descr:
        opts += option(e, 3, descr.encode())
    if tsresol is not None:
        opts += option(e, 9, bytes([tsresol]))
    if opts:
        opts += option(e, 0, b"")
    return block(e, 1, struct.pack(e + "HHI", linktype, 0, snaplen) + opts)


def epb(e, iface, units, data, orig=None, comment=None, flags=None):
    pad = b"\0" * ((4 - len(data) % 4) % 4)
    opts = option(e, 1, comment.encode()) if comment else b""
    opts += option(e, 2, struct.pack(e + "I", flags)) if flags is not None else b""
    opts += option(e, 0, b"") if opts else b""
    return block(e, 6, struct.pack(e + "IIIII", iface, units >> 32, units & 0xFFFFFFFF, len(data),
                                   orig if orig else len(data)) + data + pad + opts)


def spb(e, data):
    pad = b"\0" * ((4 - len(data) % 4) % 4)
    return block(e, 3, struct.pack(e + "I", len(data)) + data + pad)


def udp4_frame(sport=1234, dport=5678, data=b"hello", ident=0x1234):
    return eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, EXP, exp(sport, dport, data), ident=ident))


def make_pcapng(path):
    le, be = "<", ">"
    raw = ipv4(B4, A4, EXP, exp(53, 53, b"raw ip on interface 1"), ident=0x4321)
    blocks = [
        shb(le),
        idb(le, 1, "eth0", "first interface", tsresol=9),
        idb(le, 101, "tun0", None, tsresol=0x8A),                      # 2^-10 s units
        block(le, 0x00000777, b"unknown block body!!"),               # skipped
        block(le, 4, struct.pack("<HH4s", 1, 9, bytes(A4)) + b"a.ex\0\0\0\0" + struct.pack("<HH", 0, 0)),  # NRB
        epb(le, 0, 1_700_000_000_123_456_789, udp4_frame()),
        epb(le, 1, (1_700_000_001 << 10) | 512, raw),                 # .5 s
        epb(le, 0, 1_700_000_002_000_000_001, udp4_frame(ident=0x1235), comment="a packet comment"),
        spb(le, udp4_frame(ident=0x1236)),
        shb(be),                                                      # second section, big-endian
        idb(be, 1, "lo", "Loopback"),
        epb(be, 0, 1_700_000_003_250_000, udp4_frame(ident=0x1237)),  # microseconds by default
    ]
    with open(path, "wb") as f:
        f.write(b"".join(blocks))


def make_packet_flags(path):
    """EPB flags words (epb_flags): each direction, reception types, an FCS length, reserved and
    error bits, beside a comment, none at all, and in a big-endian section."""
    le, be = "<", ">"
    words = [0x1, 0x2, 0x0, 0x3, (4 << 2) | (4 << 5), (1 << 2) | 0x1, 0xFF000000 | 0x2, 0x0000FE00, 0x01000000]
    blocks = [shb(le), idb(le, 1, "eth0")]
    blocks += [epb(le, 0, 1_700_000_000_000_000 + i, udp4_frame(ident=0x2000 + i), flags=w) for i, w in enumerate(words)]
    blocks += [epb(le, 0, 1_700_000_000_000_100, udp4_frame(ident=0x2100), comment="with flags", flags=0x2),
               epb(le, 0, 1_700_000_000_000_101, udp4_frame(ident=0x2101)),
               shb(be), idb(be, 1, "eth1"),
               epb(be, 0, 1_700_000_000_000_102, udp4_frame(ident=0x2102), flags=(3 << 2) | 0x1)]
    with open(path, "wb") as f:
        f.write(b"".join(blocks))


def make_vlan(path):
    ip = ipv4(A4, B4, EXP, exp(1, 2, b"x"))
    ip6 = ipv6(A6, B6, EXP, exp(1, 2, b"v6 in q-in-q"))
    records = [
        (1.0, eth(MAC_B, MAC_A, 0x8100, vlan(0xA064, 0x0800, ip)) + b"\0" * 8, 0),  # PRI 5, ID 100, padded
        (1.5, eth(MAC_B, MAC_A, 0x88A8, vlan(0x3005, 0x8100, vlan(0x100A, 0x86DD, ip6))), 0),  # DEI set inner
        (2.0, eth(MAC_A, MAC_B, 0x8100, vlan(0x0007, 0x0800, ip)) + b"\0" * 8 + b"TRAILER!", 0),
        ]
    # Untagged: zero padding to 60 bytes; a trailer on a 64-byte frame ends in an assumed FCS.
    records += [
        (3.0, eth(MAC_B, MAC_A, 0x0800, ip) + b"\0" * 17, 0),
        (3.5, eth(MAC_B, MAC_A, 0x0800, ip) + b"\0" * 17 + b"\x11\x22\x33\x44", 0),
        (4.0, eth(MAC_B, MAC_A, 0x0800, ip) + b"\0" * 16 + b"\x01", 0),
    ]
    pcap(path, 1, records)


def make_fragments(path):
    data = bytes(range(256)) * 7  # 1792 bytes: fragments of 800, 800 and 200
    dgram = exp(7000, 7001, data)
    p1, p2, p3 = dgram[:800], dgram[800:1600], dgram[1600:]
    f4 = [
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, EXP, p1, ident=0xbeef, flags=1, frag=0)),
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, EXP, p3, ident=0xbeef, flags=0, frag=200)),  # last before middle
        udp4_frame(ident=0x0042),                                                         # unrelated
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, EXP, p2, ident=0xbeef, flags=1, frag=100)),
    ]
    d6 = exp(9000, 9001, bytes(range(200)) * 3)
    q1, q2 = d6[:304], d6[304:]

    def frag6(offset, more, part):
        hdr = struct.pack("!BBHI", EXP, 0, (offset << 3) | more, 0xCAFE)
        return eth(MAC_B, MAC_A, 0x86DD, ipv6(A6, B6, 44, hdr + part))

    ext = (struct.pack("!BB", 60, 0) + bytes([1, 4, 0, 0, 0, 0])            # hop-by-hop: PadN
           + struct.pack("!BB", 43, 0) + bytes([1, 4, 0, 0, 0, 0])          # dest options: PadN
           + struct.pack("!BBBB", EXP, 2, 0, 0) + b"\0" * 4 + bytes(A6))     # routing type 0, segleft 0
    f6 = [frag6(0, 1, q1), frag6(38, 0, q2),
          eth(MAC_B, MAC_A, 0x86DD, ipv6(A6, B6, 0, ext + exp(5, 6, b"ext headers")))]
    pcap(path, 1, [(10 + i * 0.25, f, 0) for i, f in enumerate(f4 + f6)])


def make_links():
    tcp4 = ipv4(A4, B4, EXP, exp(1025, 25, b"EHLO x\r\n"))
    udp6 = ipv6(A6, B6, EXP, exp(1, 2, b"six"))
    # NULL with the family written big-endian (a capture from a big-endian host), and IPv6 (30).
    pcap("null_be.pcap", 0, [(1.0, struct.pack(">I", 2) + tcp4, 0), (2.0, struct.pack("<I", 30) + udp6, 0)])
    pcap("loop.pcap", 108, [(1.0, struct.pack(">I", 2) + tcp4, 0)], big=True)
    pcap("raw.pcap", 101, [(1.0, tcp4, 0), (2.0, udp6, 0)], nsec=True, big=True)
    # Snapshot-length cut: 40 of 74 bytes captured, and 10 of them (inside the Ethernet header).
    full = eth(MAC_B, MAC_A, 0x0800, tcp4)
    pcap("snaplen.pcap", 1, [(1.0, full[:40], len(full)), (2.0, full[:10], len(full)), (3.0, full, 0)])
    sll2 = struct.pack("!HHIHBB8s", 0x86DD, 0, 3, 1, 4, 6, bytes(MAC_A) + b"\0\0") + udp6
    pcap("sll2_ipv6.pcap", 276, [(1.0, sll2, 0)])
    # IPv4 options (Router Alert, NOP, NOP, Record Route, EOL, padding), then bogus lengths.
    options = bytes([0x94, 4, 0, 0, 1, 1, 7, 7, 4, 0, 0, 0, 0, 0, 0, 0])
    with_options = ipv4(A4, B4, EXP, exp(1, 2, b"opt"), options=options)
    short_ihl = bytearray(ipv4(A4, B4, EXP, exp(1, 2, b"ihl")))
    short_ihl[0] = 0x44
    short_total = ipv4(A4, B4, EXP, exp(1, 2, b"len"), total=12)
    pcap("ipv4_options.pcap", 1, [(1.0, eth(MAC_B, MAC_A, 0x0800, p), 0)
                                  for p in (with_options, bytes(short_ihl), short_total)])


def make_zero_length():
    """Records with no captured bytes, between two good frames: caplen 0 with a wire length of 0
    (tshark: "Ethernet 0 [Malformed Packet]") and of 60 ("[Packet size limited during capture]");
    in pcap and in pcapng (EPBs with captured length 0). Not an error of the file: exit 0."""
    frame = udp4_frame(data=b"zero")
    pcap("zero_length.pcap", 1, [(1.0, frame, 0), (2.0, b"", 0), (3.0, b"", 60), (4.0, frame, 0)])
    e = "<"
    with open("zero_length.pcapng", "wb") as f:
        f.write(shb(e) + idb(e, 1) + epb(e, 0, 1_000_000, frame) + epb(e, 0, 2_000_000, b"")
                + epb(e, 0, 3_000_000, b"", orig=60) + epb(e, 0, 4_000_000, frame))


def tshark(capture):
    env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", HOME="/nonexistent")
    args = ["tshark", "-n", "-r", capture, "-T", "fields", "-E", "header=y", "-E", "separator=/t",
            "-E", "occurrence=a", "-E", "aggregator=,"]
    for f in FIELDS:
        args += ["-e", f]
    with open(capture + ".fields.tsv", "wb") as out:
        subprocess.run(args, stdout=out, env=env, check=True)
    with open(capture + ".V.txt", "wb") as out:
        subprocess.run(["tshark", "-n", "-r", capture, "-V"], stdout=out, env=env, check=True)


if __name__ == "__main__":
    make_pcapng("two_sections.pcapng")
    make_packet_flags("packet_flags.pcapng")
    make_vlan("vlan.pcap")
    make_fragments("fragments.pcap")
    make_links()
    make_zero_length()
    # only this script's captures: make_udp_llc_captures.py stores other fields for its own
    for name in ("two_sections.pcapng", "packet_flags.pcapng", "vlan.pcap", "fragments.pcap", "null_be.pcap", "loop.pcap", "raw.pcap",
                 "snaplen.pcap", "sll2_ipv6.pcap", "ipv4_options.pcap", "zero_length.pcap", "zero_length.pcapng"):
        tshark(name)
