#!/usr/bin/env python3
"""Copies a pcap (any link type, microsecond or nanosecond) as a lossy, repeating, reordering network
would have delivered it: each record dropped with probability DROP, sent again 1-6 records later with
probability DUP, swapped with the next one with probability SWAP; timestamps stay in the original
order. Seeded, so the same arguments give the same bytes. For comparing jdissect with tshark on what
real captures hold (README, "How the output is checked"), e.g.:

    python3 perturb_capture.py in.pcap out.pcap 4 0.08 0.1 0.05
    tshark -n -r out.pcap -Y tcp.port==25 -V > t.txt; ../../jdissect -r out.pcap -Y tcp.port==25 -V --tshark-only > j.txt

Usage: perturb_capture.py IN OUT SEED DUP SWAP DROP"""
import random
import struct
import sys


def main(src, dst, seed, dup, swap, drop):
    r = random.Random(seed)
    data = open(src, "rb").read()
    endian = "<" if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    header, pos, records = data[:24], 24, []
    while pos + 16 <= len(data):
        ts, frac, caplen, origlen = struct.unpack(endian + "IIII", data[pos:pos + 16])
        records.append((ts, frac, data[pos + 16:pos + 16 + caplen], origlen))
        pos += 16 + caplen
    out, pending = [], []
    for rec in records:
        if r.random() < drop:
            continue
        out.append(rec)
        if r.random() < dup:
            pending.append((len(out) + r.randint(1, 6), rec))
        for p in [p for p in pending if p[0] <= len(out)]:
            pending.remove(p)
            out.append(p[1])
    for k in range(len(out) - 1):
        if r.random() < swap:
            out[k], out[k + 1] = out[k + 1], out[k]
    times = sorted((o[0], o[1]) for o in out)
    with open(dst, "wb") as f:
        f.write(header)
        for (_, _, frame, origlen), (ts, frac) in zip(out, times):
            f.write(struct.pack(endian + "IIII", ts, frac, len(frame), origlen))
            f.write(frame)
    print(len(records), "->", len(out), "records")


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]))
