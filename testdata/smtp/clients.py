#!/usr/bin/env python3
"""SMTP clients for record.sh: sessions swaks cannot make (BDAT chunks, a refused STARTTLS, a
command line split across TCP segments, several messages and RSET in one session).
Usage: clients.py SCENARIO HOST PORT"""
import socket
import sys
import time


class Client:
    def __init__(self, host, port):
        self.s = socket.create_connection((host, port))
        # one send() = one TCP segment on loopback
        self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reply()

    def reply(self):
        data = b""
        while True:
            data += self.s.recv(65536)
            lines = data.split(b"\r\n")
            if len(lines) > 1 and len(lines[-2]) >= 4 and lines[-2][3:4] == b" ":
                return data

    def send(self, raw, wait=True):
        self.s.sendall(raw)
        time.sleep(0.05)
        return self.reply() if wait else None

    def close(self):
        self.send(b"QUIT\r\n")
        self.s.close()


def bdat(c):
    c.send(b"EHLO client.example.test\r\n")
    # chunk then an empty LAST chunk (tshark runs IMF on the "BDAT 0 LAST" frame)
    c.send(b"MAIL FROM:<sender@example.test>\r\n")
    c.send(b"RCPT TO:<root@example.test>\r\n")
    body = b"Subject: chunked 1\r\n\r\nfirst chunk\r\n"
    c.send(b"BDAT %d\r\n" % len(body) + body)
    c.send(b"BDAT 0 LAST\r\n")
    # command and LAST chunk data in one segment
    c.send(b"MAIL FROM:<sender@example.test>\r\n")
    c.send(b"RCPT TO:<root@example.test>\r\n")
    body = b"Subject: chunked 2\r\n\r\nbinary \x00\x01\xff ok\r\n"
    c.send(b"BDAT %d LAST\r\n" % len(body) + body)
    # the chunk ends inside a segment and QUIT follows in it (tshark issue 13030)
    c.send(b"MAIL FROM:<sender@example.test>\r\n")
    c.send(b"RCPT TO:<root@example.test>\r\n")
    body = b"Subject: chunked 3\r\n\r\nx\r\n"
    c.send(b"BDAT %d LAST\r\n" % len(body), wait=False)
    time.sleep(0.05)
    c.send(body + b"QUIT\r\n", wait=False)
    time.sleep(0.3)
    c.s.close()


def starttls_refused(c):
    c.send(b"EHLO client.example.test\r\n")
    c.send(b"STARTTLS\r\n")
    c.send(b"MAIL FROM:<sender@example.test>\r\n")
    c.send(b"RCPT TO:<root@example.test>\r\n")
    c.send(b"DATA\r\n")
    c.send(b"Subject: after refused STARTTLS\r\n\r\nstill clear text\r\n.\r\n")
    c.close()


def multi(c):
    c.send(b"EHLO client.example.test\r\n")
    # a command line split across two segments
    c.send(b"MAIL FR", wait=False)
    time.sleep(0.1)
    c.send(b"OM:<sender@example.test>\r\n")
    c.send(b"RCPT TO:<root@example.test>\r\n")
    c.send(b"RCPT TO:<no-such-user@example.test>\r\n")
    c.send(b"DATA\r\n")
    c.send(b"Subject: first\r\n\r\n..a dot-stuffed line\r\nend\r\n.\r\n")
    # an abandoned transaction
    c.send(b"MAIL FROM:<other@example.test>\r\n")
    c.send(b"RSET\r\n")
    c.send(b"MAIL FROM:<sender@example.test>\r\n")
    c.send(b"RCPT TO:<root@example.test>\r\n")
    c.send(b"DATA\r\n")
    c.send(b"Subject: second\r\n\r\nbody of the second message\r\n.\r\n")
    c.send(b"NOOP\r\n")
    c.send(b"VRFY root\r\n")
    c.close()


if __name__ == "__main__":
    scenario, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"bdat": bdat, "starttls_refused": starttls_refused, "multi": multi}[scenario](Client(host, port))
