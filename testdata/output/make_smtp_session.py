#!/usr/bin/env python3
"""Records smtp_session.pcap: one SMTP session on loopback (a minimal server on 127.0.0.2:25, Python's
smtplib as client), captured with tcpdump, then stores tshark 4.0's outputs beside it.
Run as root from this directory: python3 make_smtp_session.py"""
import smtplib
import socket
import subprocess
import threading
import time

SERVER = ("127.0.0.2", 25)
REPLIES = {
    "EHLO": b"250-mail.example.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n",
    "MAIL": b"250 2.1.0 Ok\r\n",
    "RCPT": b"250 2.1.5 Ok\r\n",
    "DATA": b"354 End data with <CR><LF>.<CR><LF>\r\n",
    "QUIT": b"221 2.0.0 Bye\r\n",
}


def serve(listener):
    conn, _ = listener.accept()
    conn.sendall(b"220 mail.example.test ESMTP ready\r\n")
    buf = b""
    in_data = False
    while True:
        chunk = conn.recv(4096)
        if not chunk:
            break
        buf += chunk
        while b"\r\n" in buf:
            line, buf = buf.split(b"\r\n", 1)
            if in_data:
                if line == b".":
                    in_data = False
                    conn.sendall(b"250 2.0.0 Ok: queued as 4F2A1\r\n")
                continue
            verb = line.split(b" ")[0].decode().upper()
            conn.sendall(REPLIES.get(verb, b"502 5.5.2 Error: command not recognized\r\n"))
            if verb == "DATA":
                in_data = True
            if verb == "QUIT":
                conn.close()
                return


def main():
    dump = subprocess.Popen(["tcpdump", "-i", "lo", "-w", "smtp_session.pcap", "-U", "tcp port 25 and host 127.0.0.2"],
                            stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(SERVER)
    listener.listen(1)
    t = threading.Thread(target=serve, args=(listener,))
    t.start()
    with smtplib.SMTP(*SERVER, local_hostname="client.example.test") as s:
        s.sendmail("alice@example.test", ["bob@example.test"],
                   "From: alice@example.test\r\nTo: bob@example.test\r\nSubject: Hello from jdissect\r\n\r\n"
                   "A short body.\r\nSecond line.\r\n")
    t.join()
    time.sleep(1)
    dump.terminate()
    dump.wait()
    env = {"TZ": "UTC", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    for suffix, args in [(".txt", []), (".V.txt", ["-V"]), (".json", ["-T", "json"]), (".ek.jsonl", ["-T", "ek"]),
                         (".fields.tsv", ["-T", "fields", "-E", "header=y", "-e", "frame.number", "-e", "ip.src",
                                          "-e", "tcp.srcport", "-e", "smtp.req.command", "-e", "smtp.response.code",
                                          "-e", "_ws.col.Info"])]:
        with open("smtp_session.pcap" + suffix, "w") as out:
            subprocess.run(["tshark", "-r", "smtp_session.pcap"] + args, stdout=out, stderr=subprocess.DEVNULL,
                           env=env, check=True)


if __name__ == "__main__":
    main()
