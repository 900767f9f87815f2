#!/usr/bin/env python3
"""A one-connection POP3 server on 127.0.0.1:110 for record.sh, scripted where Dovecot is not:
it answers RETR with the "+OK n octets" line in a segment of its own and the message in two more
(so tshark collects "DATA fragments" and hands the reassembled message to IMF), and TOP with
"+OK top of message follows" (no size: tshark's pop.response.tot_len.invalid)."""
import socket
import time

MESSAGE = (b"From: Erin <erin@example.net>\r\nTo: alice@example.org\r\nSubject: In three pieces\r\n"
           b"Date: Tue, 07 Nov 2023 09:00:00 +0000\r\n\r\n"
           b"The status line and this message travel in separate segments.\r\nBye\r\n")
HALF = len(MESSAGE) // 2

server = socket.create_server(("127.0.0.1", 110))
conn, _ = server.accept()
conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
files = conn.makefile("rb")


def send(data):
    conn.sendall(data)
    time.sleep(0.05)


send(b"+OK scripted POP3 server ready\r\n")
for raw in files:
    verb = raw.split(b" ", 1)[0].strip().upper()
    if verb == b"RETR":
        send(b"+OK %d octets\r\n" % len(MESSAGE))
        send(MESSAGE[:HALF])
        send(MESSAGE[HALF:] + b".\r\n")
    elif verb == b"TOP":
        send(b"+OK top of message follows\r\n" + MESSAGE.split(b"\r\n\r\n")[0] + b"\r\n\r\n.\r\n")
    elif verb == b"QUIT":
        send(b"+OK bye\r\n")
        break
    else:
        send(b"+OK\r\n")
conn.close()
