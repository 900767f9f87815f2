#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the captures in testdata/.

LowerLayerFuzzTest, WriterFuzzTest and FilterFuzzTest.fuzzedFrames read FuzzFrames' form (a link
type selector byte, then 2-byte length + bytes per frame); TcpReassemblyFuzzTest reads TcpSegments'
form (two initial sequence numbers just below 2^32, then control/delta/length/payload per segment),
made from the TCP connections of the SMTP captures: in order, and with a retransmission and an
overlap added. CaptureFuzzTest gets the small captures of testdata/lower whole (one per link type
and lower-layer feature). SmtpFuzzTest gets the SMTP command lines and the reply lines of the SMTP
captures, one seed per capture and side, kept only when it brings a verb or reply code no earlier
seed has (message bodies are left out: they are ImfFuzzTest's). Run from the project root; the
output is committed.
"""
import os
import struct
import sys

LINK_TYPES = [1, 0, 108, 101, 228, 229, 113, 276, 10]  # FuzzFrames.LINK_TYPES
FUZZ = "src/test/resources/io/jdissect/fuzz"
# Frames per seed: enough for every layer and a reassembled PDU, few enough that the regression run
# over the corpus (every `mvn test`) takes seconds.
MAX_FRAMES = {"LowerLayerFuzzTestInputs/frames": 16, "WriterFuzzTestInputs/frames": 8,
              "FilterFuzzTestInputs/fuzzedFrames": 8}


def read_capture(path):
    """(link type, [frame bytes]) of a pcap, or of the first interface of a pcapng."""
    data = open(path, "rb").read()
    magic = data[:4]
    if magic == b"\x0a\x0d\x0d\x0a":
        bo = "<" if data[8:12] == b"\x4d\x3c\x2b\x1a" else ">"
        at, link, frames = 0, None, []
        while at + 12 <= len(data):
            btype, blen = struct.unpack(bo + "II", data[at:at + 8])
            if btype == 1 and link is None:
                link = struct.unpack(bo + "H", data[at + 8:at + 10])[0]
            elif btype == 6:
                caplen = struct.unpack(bo + "I", data[at + 20:at + 24])[0]
                frames.append(data[at + 28:at + 28 + caplen])
            at += blen
        return link, frames
    bo = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    link = struct.unpack(bo + "I", data[20:24])[0] & 0xFFFF
    at, frames = 24, []
    while at + 16 <= len(data):
        caplen = struct.unpack(bo + "I", data[at + 8:at + 12])[0]
        frames.append(data[at + 16:at + 16 + caplen])
        at += 16 + caplen
    return link, frames


def frames_seed(link, frames, count):
    out = bytearray([LINK_TYPES.index(link)])
    for f in frames[:count]:
        out += struct.pack(">H", len(f)) + f
    return bytes(out)


def tcp_payloads(link, frames):
    """[(direction, payload)] of the first TCP connection of an Ethernet or loopback capture."""
    first, out = None, []
    for f in frames:
        ip = {1: 14, 0: 4, 108: 4, 113: 16, 276: 20}.get(link)
        if ip is None or len(f) < ip + 40 or f[ip] >> 4 != 4 or f[ip + 9] != 6:
            continue
        ihl = (f[ip] & 15) * 4
        total = struct.unpack(">H", f[ip + 2:ip + 4])[0]
        tcp = ip + ihl
        ends = (f[ip + 12:ip + 16], f[tcp:tcp + 2], f[ip + 16:ip + 20], f[tcp + 2:tcp + 4])
        key = ends if first is None else first
        if first is None:
            first = ends
        if ends == key:
            direction = 0
        elif ends == (key[2], key[3], key[0], key[1]):
            direction = 1
        else:
            continue
        payload = f[tcp + (f[tcp + 12] >> 4) * 4:ip + total]
        if payload:
            out.append((direction, payload[:255]))
    return out


def segments_seed(payloads, retransmit_and_overlap):
    out = bytearray(struct.pack(">II", 0xFFFFFF00, 0xFFFFF800))
    for i, (direction, payload) in enumerate(payloads[:40]):
        out += bytes([direction, 0, len(payload)]) + payload
        if retransmit_and_overlap and i % 3 == 1:
            out += bytes([direction | 0x10, 0, len(payload)]) + payload  # the same segment again
            out += bytes([direction | 0x20, 4, 8]) + payload[-4:].ljust(8, b"x")  # 4 bytes back
    return bytes(out)


def is_text(line):
    """A printable line: after STARTTLS the connection carries TLS records, no SMTP lines."""
    return all(32 <= b < 127 for b in line.rstrip(b"\r"))


def smtp_lines(payloads):
    """(command lines, reply lines) of one SMTP connection, without the message between DATA and '.'."""
    text = {0: b"", 1: b""}
    for direction, payload in payloads:
        text[direction] += payload
    client, server = text[0], text[1]
    if client[:3].isdigit():  # the first connection was seen from the server's side first
        client, server = server, client
    commands, in_data = [], False
    for line in client.split(b"\n"):
        if in_data:
            in_data = line.rstrip(b"\r") != b"."
        elif line and is_text(line):
            commands.append(line)
            in_data = line[:4].upper() == b"DATA"
    replies = [line for line in server.split(b"\n") if line[:3].isdigit() and is_text(line)]
    return commands, replies


def new_words(lines, seen):
    """The verbs (or reply codes) of lines that no earlier seed had; adds them to seen."""
    words = {line.split(b" ")[0].split(b"-")[0].strip().upper()[:12] for line in lines} - seen
    seen |= words
    return words


def write(target, name, data):
    d = os.path.join(FUZZ, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    captures = []
    for root, _, files in os.walk("testdata"):
        captures += [os.path.join(root, f) for f in files if f.endswith((".pcap", ".pcapng"))]
    seen = set()
    for path in sorted(captures):
        link, frames = read_capture(path)
        name = os.path.basename(path)
        if path.startswith(os.path.join("testdata", "lower")) and os.path.getsize(path) <= 4096:
            write("CaptureFuzzTestInputs/captureFile", name, open(path, "rb").read())
        if link in LINK_TYPES:
            for target, count in MAX_FRAMES.items():
                write(target, name, frames_seed(link, frames, count))
        payloads = tcp_payloads(link, frames)
        if len(payloads) >= 2 and "smtp" in name:
            write("TcpReassemblyFuzzTestInputs/segments", name, segments_seed(payloads, False))
            write("TcpReassemblyFuzzTestInputs/segments", name + ".retransmitted", segments_seed(payloads, True))
        if "smtp" in name:
            commands, replies = smtp_lines(payloads)
            for side, lines in (("commands", commands), ("replies", replies)):
                if new_words(lines, seen):
                    write("SmtpFuzzTestInputs/lines", name + "." + side, b"\n".join(lines)[:2048])


if __name__ == "__main__":
    sys.exit(main())
