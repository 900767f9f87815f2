#!/usr/bin/env python3
"""Writes imf_mail.pcap: one SMTP session per message below (loopback-style Ethernet/IPv4/TCP,
port 25, handshake, each command/reply/message in its own segment) to test IMF and MIME
dissection against tshark: multipart with attachments (base64, RFC 2231 name), quoted-printable,
nested multipart/alternative, an attached message/rfc822, RFC 2047 subjects (UTF-8 B, ISO-8859-1 Q,
GB2312 B), raw UTF-8 headers, quoted display names with commas, groups, a very long folded header,
SIO-Label, top-level base64 body, a header without colon, Content-Type without a space.
Then, from the project root, tshark's outputs (see make_mail_capture.sh)."""
import struct, sys, base64

def csum(data):
    if len(data) % 2: data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

class Session:
    def __init__(self, out, t, cport):
        self.out, self.t = out, t
        self.c, self.s = ('10.0.0.1', cport), ('10.0.0.2', 25)
        self.cseq, self.sseq = 1000, 5000
    def pkt(self, from_client, flags, payload=b''):
        src, dst = (self.c, self.s) if from_client else (self.s, self.c)
        seq, ack = (self.cseq, self.sseq) if from_client else (self.sseq, self.cseq)
        ip = lambda a: bytes(int(x) for x in a.split('.'))
        tcp = struct.pack('!HHIIBBHHH', src[1], dst[1], seq, ack, 5 << 4, flags, 65535, 0, 0)
        pseudo = ip(src[0]) + ip(dst[0]) + struct.pack('!BBH', 0, 6, len(tcp) + len(payload))
        tcp = tcp[:16] + struct.pack('!H', csum(pseudo + tcp + payload)) + tcp[18:]
        iph = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp) + len(payload), 1, 0x4000, 64, 6, 0,
                          ip(src[0]), ip(dst[0]))
        iph = iph[:10] + struct.pack('!H', csum(iph)) + iph[12:]
        frame = b'\x00\x00\x00\x00\x00\x02' + b'\x00\x00\x00\x00\x00\x01' + b'\x08\x00' + iph + tcp + payload
        self.t += 0.001
        sec = int(self.t); usec = int(round((self.t - sec) * 1e6))
        self.out.write(struct.pack('<IIII', sec, usec, len(frame), len(frame)) + frame)
        n = len(payload) + (1 if flags & 0x03 else 0)
        if from_client: self.cseq += n
        else: self.sseq += n
    def handshake(self):
        self.pkt(True, 0x02); self.sseq -= 0
        self.pkt(False, 0x12); self.pkt(True, 0x10)
    def send(self, from_client, data):
        self.pkt(from_client, 0x18, data)
        self.pkt(not from_client, 0x10)
    def close(self):
        self.pkt(True, 0x11); self.pkt(False, 0x11); self.pkt(True, 0x10)

def session(out, t, cport, sender, rcpts, message):
    s = Session(out, t, cport)
    s.handshake()
    s.send(False, b'220 mail.example.test ESMTP\r\n')
    s.send(True, b'EHLO client.example.test\r\n')
    s.send(False, b'250-mail.example.test\r\n250 SMTPUTF8\r\n')
    s.send(True, b'MAIL FROM:<' + sender + b'>\r\n')
    s.send(False, b'250 2.1.0 Ok\r\n')
    for r in rcpts:
        s.send(True, b'RCPT TO:<' + r + b'>\r\n')
        s.send(False, b'250 2.1.5 Ok\r\n')
    s.send(True, b'DATA\r\n')
    s.send(False, b'354 End data with <CR><LF>.<CR><LF>\r\n')
    s.send(True, message + b'.\r\n')
    s.send(False, b'250 2.0.0 Ok: queued\r\n')
    s.send(True, b'QUIT\r\n')
    s.send(False, b'221 2.0.0 Bye\r\n')
    s.close()
    return s.t + 1

ATTACHMENT = bytes(range(256)) * 3
LONG = b'References: ' + b'\r\n '.join(b'<ref%04d@long.example.test>' % i for i in range(120)) + b'\r\n'

M1 = (b'Received: from client.example.test (client [10.0.0.1])\r\n\tby mail.example.test with ESMTP\r\n'
      b'Received: from inner.example.test by client.example.test\r\n'
      b'From: "Doe, John" <john@example.test>, =?UTF-8?B?SsO8cmdlbg==?= <juergen@example.test>\r\n'
      b'Sender: Mail Robot <robot@example.test>\r\n'
      b'Reply-To: Team: alice@example.test, "Bob, B." <bob@example.test>;\r\n'
      b'To: carol@example.test, Dave<dave@example.test>, undisclosed-recipients:;\r\n'
      b'Cc: =?ISO-8859-1?Q?Andr=E9?= <andre@example.test>\r\n'
      b'Bcc: hidden@example.test\r\n'
      b'Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?= und =?ISO-8859-1?Q?=C4rger?=\r\n'
      b'Date: Sun, 22 Nov 2026 08:00:00 +0000\r\n'
      b'Message-ID: <m1@client.example.test>\r\n'
      b'In-Reply-To: <m0@client.example.test>\r\n' + LONG +
      b'X-Mailer: make_mail_capture.py\r\n'
      b'X-Raw-UTF8: Gr\xc3\xbc\xc3\x9fe \xe6\xb5\x8b\xe8\xaf\x95\r\n'
      b'Delivered-To: carol@example.test\r\n'
      b'X-Original-To: carol@example.test, dave@example.test\r\n'
      b'Resent-From: Resender <resender@example.test>\r\n'
      b'Resent-To: x@example.test\r\n'
      b'SIO-Label: marking="CONFIDENTIAL"; fgcolor=red; bgcolor=white; type=":none"; label="MQ=="; foo=bar\r\n'
      b'Keywords: one, two\r\n'
      b'MIME-Version: 1.0\r\n'
      b'Content-Type: multipart/mixed;\r\n boundary="outer-boundary"\r\n'
      b'\r\n'
      b'This is the preamble.\r\n'
      b'--outer-boundary\r\n'
      b'Content-Type: multipart/alternative; boundary=inner\r\n'
      b'\r\n'
      b'--inner\r\n'
      b'Content-Type: text/plain; charset=ISO-8859-1\r\n'
      b'Content-Transfer-Encoding: quoted-printable\r\n'
      b'\r\n'
      b'Gr=FC=DFe, this line is soft=\r\n-broken.\r\n'
      b'--inner\r\n'
      b'Content-Type: text/html; charset=UTF-8\r\n'
      b'\r\n'
      b'<p>Gr\xc3\xbc\xc3\x9fe</p>\r\n'
      b'--inner--\r\n'
      b'--outer-boundary\r\n'
      b'Content-Type: application/octet-stream; name="bytes.bin"\r\n'
      b'Content-Disposition: attachment;\r\n filename*0*=UTF-8\'\'%C3%BC;\r\n filename*1="ber.bin"\r\n'
      b'Content-Transfer-Encoding: base64\r\n'
      b'Content-ID: <part3@example.test>\r\n'
      b'Content-Description: all byte values\r\n'
      b'\r\n' + base64.encodebytes(ATTACHMENT).replace(b'\n', b'\r\n') +
      b'--outer-boundary\r\n'
      b'Content-Type: application/pdf; name="=?UTF-8?Q?R=C3=A9sum=C3=A9.pdf?="\r\n'
      b'Content-Transfer-Encoding: base64\r\n'
      b'\r\n'
      b'JVBERi0xLjQKJcfsj6IK\r\n'
      b'--outer-boundary\r\n'
      b'Content-Type: message/rfc822\r\n'
      b'Content-Disposition: attachment; filename="fwd.eml"\r\n'
      b'\r\n'
      b'From: inner@example.test\r\nSubject: Forwarded inner\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nInner body.\r\n'
      b'--outer-boundary--\r\n'
      b'Epilogue.\r\n')

M2 = (b'From: base64@example.test\r\n'
      b'To: x@example.test\r\n'
      b'Subject: =?gb2312?B?suLK1A==?= top-level base64\r\n'
      b'Content-Type: text/plain; charset=utf-8\r\n'
      b'Content-Transfer-Encoding: base64\r\n'
      b'\r\n' + base64.encodebytes('Grüße aus Köln\r\nZweite Zeile\r\n'.encode()).replace(b'\n', b'\r\n'))

M3 = (b'From: plain@example.test\r\n'
      b'This line has no colon\r\n'
      b'Subject: no colon above / slash: "quotes" <angle> | pipe? star*\r\n'
      b'Content-Type: text/plain\r\n'
      b'\r\n'
      b'Body without MIME hand-off.\r\n'
      b'Second line.\r\n')

M4 = (b'From: tight@example.test\r\n'
      b'Subject: no colon above / slash: "quotes" <angle> | pipe? star*\r\n'
      b'Content-Type:multipart/mixed;boundary=tightbnd\r\n'
      b'\r\n'
      b'--tightbnd\r\nContent-Type: text/plain\r\n\r\ntight\r\n--tightbnd--\r\n')

with open(sys.argv[1], 'wb') as out:
    out.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    t = 1795334400.0
    t = session(out, t, 40001, b'john@example.test', [b'carol@example.test', b'dave@example.test'], M1)
    t = session(out, t, 40002, b'base64@example.test', [b'x@example.test'], M2)
    t = session(out, t, 40003, b'plain@example.test', [b'y@example.test'], M3)
    t = session(out, t, 40004, b'tight@example.test', [b'z@example.test'], M4)
