#!/usr/bin/env python3
"""Drives one POP3 session against 127.0.0.1:110 for record.sh (argv[1]: the scenario).

Each command waits for its whole response (single or multi-line) before the next, so every command
and response is its own exchange; "pipelining" sends several commands in one write (RFC 2449)."""
import hashlib
import re
import socket
import sys
import time

MULTI = {"CAPA", "LIST", "UIDL", "TOP", "RETR"}


class Client:
    def __init__(self):
        self.sock = socket.create_connection(("127.0.0.1", 110))
        self.buf = b""
        self.greeting = self.line()

    def line(self):
        while b"\r\n" not in self.buf:
            data = self.sock.recv(65536)
            if not data:
                sys.exit("pop3-client: the server closed the connection")
            self.buf += data
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line.decode()

    def response(self, verb, args):
        first = self.line()
        if first.startswith("+OK") and (verb in MULTI and (verb != "LIST" and verb != "UIDL" or not args)):
            while self.line() != ".":
                pass
        return first

    def cmd(self, *commands):
        self.sock.sendall(b"".join((c + "\r\n").encode() for c in commands))
        for c in commands:
            verb, _, args = c.partition(" ")
            print("C:", c, "S:", self.response(verb.upper(), args))
        time.sleep(0.05)


def session():
    c = Client()
    c.cmd("CAPA")
    c.cmd("USER alice")
    c.cmd("PASS wonderland")
    c.cmd("STAT")
    c.cmd("LIST")
    c.cmd("LIST 2")
    c.cmd("UIDL")
    c.cmd("TOP 1 0")
    c.cmd("RETR 1")
    c.cmd("RETR 2")
    c.cmd("DELE 3")
    c.cmd("NOOP")
    c.cmd("RETR 9")
    c.cmd("RSET")
    c.cmd("QUIT")


def auth():
    c = Client()
    c.cmd("USER alice")
    c.cmd("PASS wrong-password")
    c.cmd("QUIT")
    c = Client()
    stamp = re.search(r"<[^>]+>", c.greeting).group(0)
    c.cmd("APOP alice " + hashlib.md5((stamp + "wonderland").encode()).hexdigest())
    c.cmd("STAT")
    c.cmd("QUIT")
    c = Client()
    c.cmd("AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=")
    c.cmd("LIST 1")
    c.cmd("QUIT")


def pipelining():
    c = Client()
    c.cmd("USER alice", "PASS wonderland")
    c.cmd("STAT", "LIST", "UIDL 2", "TOP 2 3")
    c.cmd("QUIT")


def large():
    c = Client()
    c.cmd("USER alice")
    c.cmd("PASS wonderland")
    c.cmd("RETR 4")
    c.cmd("QUIT")


{"session": session, "auth": auth, "pipelining": pipelining, "large": large}[sys.argv[1]]()
