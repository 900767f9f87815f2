#!/usr/bin/env python3
"""Builds captures for UDP, FDDI, IEEE 802.2 LLC/SNAP and 802.3 Ethernet, and stores tshark's
output for each beside it (X.fields.tsv, X.V.txt), so that tests never need tshark.

Run from this directory: python3 make_udp_llc_captures.py  (needs tshark 4.0 on PATH).
The packets are hand-built byte strings. Payloads avoid ports, SAPs and OUIs that tshark
hands to protocols jdissect does not dissect, so every layer is compared.
"""
import os
import struct
import subprocess

FIELDS = """frame.number frame.encap_type frame.len frame.protocols
eth.dst eth.src eth.len eth.type eth.padding eth.trailer
fddi.fc fddi.fc.clf fddi.fc.prio fddi.fc.smt_subtype fddi.fc.mac_subtype fddi.dst fddi.src fddi.addr
llc.dsap llc.dsap.sap llc.dsap.ig llc.ssap llc.ssap.sap llc.ssap.cr llc.control llc.control.n_r
llc.control.n_s llc.control.p llc.control.f llc.control.s_ftype llc.control.u_modifier_cmd
llc.control.u_modifier_resp llc.control.ftype llc.type llc.oui llc.pid
ip.src ip.dst ip.proto ipv6.src ipv6.nxt
udp.srcport udp.dstport udp.port udp.length udp.checksum udp.checksum.status udp.stream
udp.time_relative udp.time_delta udp.payload udp.possible_traceroute udp.length.bad udp.checksum.zero
data.len _ws.col.Source _ws.col.Destination _ws.col.Protocol _ws.col.Info _ws.expert.message""".split()

A4, B4, C4 = [10, 0, 0, 1], [10, 0, 0, 2], [192, 0, 2, 7]
A6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [1]
B6 = [0x20, 0x01, 0x0d, 0xb8] + [0] * 11 + [2]
MAC_A = bytes([0x02, 0, 0, 0, 0, 0x0a])
MAC_B = bytes([0x02, 0, 0, 0, 0, 0x0b])
# Ports no tshark dissector claims (checked with tshark: the payload is shown as data).
P1, P2, P3 = 40001, 40002, 40003


def ipv4(src, dst, proto, payload, total=None):
    length = total if total is not None else 20 + len(payload)
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, length, 0x1234, 0x4000, 64, proto, 0,
                       bytes(src), bytes(dst)) + payload


def ipv6(src, dst, nxt, payload):
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), nxt, 64, bytes(src), bytes(dst)) + payload


def udp(sport, dport, data, checksum=0xbeef, length=None):
    return struct.pack("!HHHH", sport, dport, 8 + len(data) if length is None else length, checksum) + data


def eth(dst, src, etype, payload):
    return dst + src + struct.pack("!H", etype) + payload


def dot3(dst, src, payload):
    return dst + src + struct.pack("!H", len(payload)) + payload


def fddi(fc, payload, dst=bytes([0x10, 0, 0xd4, 0xcd, 0x59, 0x6f]), src=bytes([0, 7, 0x4a, 1, 0x6e, 0])):
    """FDDI with the addresses as LINKTYPE_FDDI stores them (bit-swapped octets)."""
    return bytes([fc]) + dst + src + payload


SNAP_IP = bytes([0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x00])


def pcap(path, linktype, records):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for t, data in records:
            f.write(struct.pack("<IIII", int(t), int(round((t % 1) * 1e6)), len(data), len(data)) + data)


def make_udp(path):
    frames = [
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(P1, P2, b"request"))),
        eth(MAC_A, MAC_B, 0x0800, ipv4(B4, A4, 17, udp(P2, P1, b"a longer reply"))),
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, C4, 17, udp(P3, P2, b"zero checksum", checksum=0))),
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(P1, P2, b""))),                      # empty datagram
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(P1, 33440, b"probe"))),              # traceroute port
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(P1, P2, b"short", length=40))),      # length > payload
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(P1, P2, b"tiny", length=6))),        # length < 8
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(P1, P2, b"cut", length=9))),         # length < payload
        eth(MAC_B, MAC_A, 0x86DD, ipv6(A6, B6, 17, udp(P1, P2, b"six"))),
        eth(MAC_B, MAC_A, 0x86DD, ipv6(A6, B6, 17, udp(P1, P3, b"six zero", checksum=0))),
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(P1, P2, b"again"))),
        eth(MAC_B, MAC_A, 0x0800, ipv4(A4, B4, 17, udp(0, P2, b"no source port"))),
    ]
    pcap(path, 1, [(100 + i * 0.25, f) for i, f in enumerate(frames)])


def make_fddi(path):
    frames = [
        fddi(0x51, SNAP_IP + ipv4(A4, B4, 17, udp(P1, P2, b"over fddi"))),
        fddi(0x51, SNAP_IP + ipv4(B4, A4, 17, udp(P2, P1, b"and back"))),
        fddi(0x51, bytes([0xaa, 0xaa, 0x03, 0, 0, 0, 0x12, 0x34]) + b"unknown ethertype"),
        fddi(0x51, bytes([0xaa, 0xaa, 0x03, 0x12, 0x34, 0x56, 0x00, 0x01]) + b"other oui"),
        fddi(0x50, bytes([0x18, 0x19, 0x03]) + b"ui response"),
        fddi(0x50, bytes([0x18, 0x18, 0x0a, 0x07]) + b"i frame"),
        fddi(0x50, bytes([0x19, 0x19, 0x05, 0x0b])),                                       # S frame, RNR, F
        fddi(0x50, bytes([0x18, 0x18, 0xf3]) + b"test P"),
        fddi(0x50, bytes([0xaa, 0xaa, 0xf3, 0, 0, 0, 0x08, 0x00]) + b"snap test"),          # SNAP, not UI
        fddi(0x41, b"smt info"),
        fddi(0xc2, b"beacon"),
        fddi(0x58, SNAP_IP + ipv4(A4, B4, 17, udp(P1, P2, b"reserved bit"))),
        fddi(0x51, SNAP_IP + ipv4(A4, B4, 17, udp(P1, P2, b"group"), ),
             dst=bytes([0x80, 0, 0, 0, 0, 1])),
    ]
    pcap(path, 10, [(200 + i * 0.5, f) for i, f in enumerate(frames)])


def make_dot3(path):
    frames = [
        dot3(MAC_B, MAC_A, bytes([0x18, 0x18, 0x03]) + b"802.3 with llc, padded"),
        dot3(MAC_B, MAC_A, SNAP_IP + ipv4(A4, B4, 17, udp(P1, P2, b"ip over snap on 802.3"))),
        dot3(MAC_B, MAC_A, bytes([0x18, 0x18, 0x03]) + b"x") + b"\0" * 20,
        eth(MAC_B, MAC_A, 0x0000, b"type 0 is Ethernet II, not a length"),
    ]
    pcap(path, 1, [(300 + i, f) for i, f in enumerate(frames)])


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
    for name, make in (("udp.pcap", make_udp), ("fddi_llc.pcap", make_fddi), ("ieee8023_llc.pcap", make_dot3)):
        make(name)
        tshark(name)
