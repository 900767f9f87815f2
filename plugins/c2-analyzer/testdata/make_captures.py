#!/usr/bin/env python3
"""Writes the captures of the C2 analyzer's tests (Ethernet/IPv4/TCP pcap, no dependencies).

Each SMTP session is a whole TCP connection (handshake, one segment per command or reply, FIN
from both sides). Run from this folder: python3 make_captures.py; then record-tshark.sh stores
tshark's view of the fields the analyzer reads.

  c2-beacon.pcap   10.0.0.5 -> 192.0.2.25:25 six times, every 60 s (jitter under 0.4 s): beaconing;
                   10.0.0.6 -> 192.0.2.25:25 four times at irregular times: no beaconing.
  c2-content.pcap  STARTTLS offered but not used, AUTH LOGIN accepted in clear text, a subject and an
                   attachment name with random tokens, base64 in an X- header and in a text body.
  c2-port.pcap     SMTP on port 8025 (read with -d tcp.port==8025,smtp), AUTH PLAIN refused (535).
  ordinary.pcap    an ordinary session: no AUTH, STARTTLS not offered, a plain message; then a session
                   that is offered STARTTLS and takes it (220, then TLS bytes): no findings.
  junk.pcap        bad input: binary bytes as commands, AUTH LOGIN answered with text that is no base64,
                   then a RST; a message whose multipart never closes, with a broken encoded-word, a
                   6000-character header of one letter and a 3000-character base64 line split over two
                   segments, accepted; the capture ends before QUIT.
"""
import base64
import struct

LINKTYPE_ETHERNET = 1


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(a):
    return bytes(int(x) for x in a.split("."))


class Pcap:
    def __init__(self, path):
        self.f = open(path, "wb")
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, LINKTYPE_ETHERNET))

    def packet(self, t, frame):
        sec = int(t)
        usec = int(round((t - sec) * 1e6))
        self.f.write(struct.pack("<IIII", sec, usec, len(frame), len(frame)))
        self.f.write(frame)

    def close(self):
        self.f.close()


class Tcp:
    """One TCP connection; the client speaks first after the handshake."""

    def __init__(self, pcap, client, cport, server, sport, t, isn=(1000, 50000)):
        self.pcap, self.t = pcap, t
        self.ends = {"c": (client, cport), "s": (server, sport)}
        self.seq = {"c": isn[0], "s": isn[1]}
        self.ipid = 1
        self.send("c", b"", 0x02)
        self.seq["c"] += 1
        self.send("s", b"", 0x12)
        self.seq["s"] += 1
        self.send("c", b"", 0x10)

    def send(self, side, payload, flags=0x18, dt=0.01):
        other = "s" if side == "c" else "c"
        (src, sp), (dst, dp) = self.ends[side], self.ends[other]
        ack = self.seq[other] if flags != 0x02 else 0
        tcp = struct.pack("!HHIIBBHHH", sp, dp, self.seq[side], ack, 5 << 4, flags, 65535, 0, 0)
        pseudo = ip4(src) + ip4(dst) + struct.pack("!BBH", 0, 6, len(tcp) + len(payload))
        tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp + payload)) + tcp[18:]
        total = 20 + len(tcp) + len(payload)
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, self.ipid, 0x4000, 64, 6, 0, ip4(src), ip4(dst))
        ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
        self.ipid += 1
        mac = {"c": b"\x02\0\0\0\0\x01", "s": b"\x02\0\0\0\0\x02"}
        eth = mac[other] + mac[side] + b"\x08\x00"
        self.t += dt
        self.pcap.packet(self.t, eth + ip + tcp + payload)
        self.seq[side] += len(payload)

    def lines(self, side, *lines):
        self.send(side, "".join(l + "\r\n" for l in lines).encode("latin-1"))

    def close(self):
        self.send("c", b"", 0x11)
        self.seq["c"] += 1
        self.send("s", b"", 0x11)
        self.seq["s"] += 1
        self.send("c", b"", 0x10)


def message(subject, extra_headers=(), body=("Hello,", "see you soon."), attachment=None):
    head = ["From: <agent@example.test>", "To: <drop@example.test>", "Subject: " + subject,
            "Date: Mon, 02 Mar 2026 10:00:00 +0000", "Message-ID: <%d@example.test>" % sum(subject.encode())]
    head += list(extra_headers)
    if attachment is None:
        return head + [""] + list(body)
    name, data = attachment
    b = "BOUNDARY_c2_test"
    encoded = base64.encodebytes(data).decode().splitlines()
    return head + ["MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="%s"' % b, "",
                   "--" + b, "Content-Type: text/plain", ""] + list(body) + [
        "--" + b, "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64",
        'Content-Disposition: attachment; filename="%s"' % name, ""] + encoded + ["--" + b + "--"]


def session(pcap, t, client, cport, server, sport=25, auth=None, offer_tls=False, take_tls=False, msg=None):
    """A whole SMTP session; auth = (mechanism, user, password, reply code)."""
    c = Tcp(pcap, client, cport, server, sport, t)
    c.lines("s", "220 mx.example.test ESMTP")
    c.lines("c", "EHLO agent.example.test")
    ext = ["250-mx.example.test", "250-PIPELINING", "250-SIZE 10240000"]
    if offer_tls:
        ext.append("250-STARTTLS")
    ext += ["250-AUTH PLAIN LOGIN", "250 8BITMIME"]
    c.lines("s", *ext)
    if take_tls:
        c.lines("c", "STARTTLS")
        c.lines("s", "220 2.0.0 Ready to start TLS")
        c.send("c", bytes.fromhex("160301002e010000") + bytes(range(46)))
        c.close()
        return c.t
    if auth:
        mech, user, password, code = auth
        if mech == "LOGIN":
            c.lines("c", "AUTH LOGIN")
            c.lines("s", "334 VXNlcm5hbWU6")
            c.lines("c", base64.b64encode(user.encode()).decode())
            c.lines("s", "334 UGFzc3dvcmQ6")
            c.lines("c", base64.b64encode(password.encode()).decode())
        else:
            blob = base64.b64encode(b"\0" + user.encode() + b"\0" + password.encode()).decode()
            c.lines("c", "AUTH PLAIN " + blob)
        c.lines("s", "235 2.7.0 Authentication successful" if code == 235 else "%d 5.7.8 Authentication failed" % code)
    if msg is not None:
        c.lines("c", "MAIL FROM:<agent@example.test>")
        c.lines("s", "250 2.1.0 Ok")
        c.lines("c", "RCPT TO:<drop@example.test>")
        c.lines("s", "250 2.1.5 Ok")
        c.lines("c", "DATA")
        c.lines("s", "354 End data with <CR><LF>.<CR><LF>")
        c.lines("c", *(msg + ["."]))
        c.lines("s", "250 2.0.0 Ok: queued as 4C1D2E")
    c.lines("c", "QUIT")
    c.lines("s", "221 2.0.0 Bye")
    c.close()
    return c.t


def junk():
    p = Pcap("junk.pcap")
    c = Tcp(p, "10.0.0.10", 45001, "192.0.2.25", 25, 1772445600.0)
    c.lines("s", "220 mx.example.test ESMTP")
    c.send("c", bytes((i * 73 + 5) % 256 for i in range(300)) + b"\r\n")
    c.lines("s", "500 5.5.2 Error: bad syntax")
    c.lines("c", "AUTH LOGIN")
    c.lines("s", "334 VXNlcm5hbWU6")
    c.lines("c", "!!!not base64!!!")
    c.send("c", b"", 0x14)
    t = c.t
    c = Tcp(p, "10.0.0.10", 45002, "192.0.2.25", 25, t + 1)
    c.lines("s", "220 mx.example.test ESMTP")
    c.lines("c", "HELO x")
    c.lines("s", "250 mx.example.test")
    c.lines("c", "MAIL FROM:<a@example.test>")
    c.lines("s", "250 2.1.0 Ok")
    c.lines("c", "RCPT TO:<b@example.test>")
    c.lines("s", "250 2.1.5 Ok")
    c.lines("c", "DATA")
    c.lines("s", "354 End data with <CR><LF>.<CR><LF>")
    blob = base64.b64encode(bytes((i * 31 + 7) % 256 for i in range(2250))).decode()
    c.lines("c", "Subject: =?utf-8?B?broken", "X-Filler: " + "A" * 6000,
            'Content-Type: multipart/mixed; boundary="never-closed"', "", "--never-closed",
            "Content-Type: text/plain", "", "text")
    c.lines("c", blob[:1400])
    c.lines("c", blob[1400:], ".")
    c.lines("s", "250 2.0.0 Ok: queued as 4C1D2F")
    p.close()


def beacon():
    p = Pcap("c2-beacon.pcap")
    t0 = 1772445600.0  # 2026-03-02 10:00:00 UTC
    jitter = [0.0, 0.21, -0.13, 0.34, -0.27, 0.08]
    regular = [(t0 + 60 * i + jitter[i], "10.0.0.5", 40001 + i) for i in range(6)]
    irregular = [(t0 + off, "10.0.0.6", 41001 + i) for i, off in enumerate([5.0, 18.0, 250.0, 262.0])]
    for t, client, port in sorted(regular + irregular):
        session(p, t, client, port, "192.0.2.25", msg=message("status"))
    p.close()


def content():
    p = Pcap("c2-content.pcap")
    t = 1772445600.0
    header_blob = base64.b64encode(b"cmd=whoami;id=7f3a;host=WS-0042;ts=1772445600").decode()
    body_blob = base64.b64encode(bytes((i * 37 + 11) % 256 for i in range(240))).decode()
    body = ["Quarterly numbers attached.", ""] + [body_blob[i:i + 76] for i in range(0, len(body_blob), 76)]
    msg = message("Report kq3Xv9TzLmR8pW2aZ7bQ", ["X-Session-Data: " + header_blob, "X-Mailer: Outlook 16.0"],
                  body, ("a8F3kZ9qLm2xW7pR.bin", bytes(range(64))))
    session(p, t, "10.0.0.7", 42001, "192.0.2.25", auth=("LOGIN", "agent@example.test", "S3cret!", 235),
            offer_tls=True, msg=msg)
    p.close()


def port():
    p = Pcap("c2-port.pcap")
    session(p, 1772445600.0, "10.0.0.8", 43001, "192.0.2.26", sport=8025,
            auth=("PLAIN", "bot7", "hunter2", 535))
    p.close()


def ordinary():
    p = Pcap("ordinary.pcap")
    t = session(p, 1772445600.0, "10.0.0.9", 44001, "192.0.2.25",
                msg=message("Lunch on Thursday", ["X-Mailer: Thunderbird 115.8"],
                            ["Hi Bob,", "shall we meet at noon at the usual place?", "Alice"]))
    session(p, t + 30, "10.0.0.9", 44002, "192.0.2.25", offer_tls=True, take_tls=True)
    p.close()


if __name__ == "__main__":
    beacon()
    content()
    port()
    ordinary()
    junk()
