"""Real SMTP sessions and HTTP downloads on the loopback interface, for record.sh to capture.

    python3 sessions.py SESSIONS_PER_CLIENT CLIENTS [--bare-lf]

CLIENTS threads each run SESSIONS_PER_CLIENT sessions of Python's smtplib against Python's smtpd on
127.0.0.1:25 (EHLO, one to three messages of one to four recipients, 1 KB to 1 MB uniform in the
logarithm, half of them multipart with a base64 attachment, RFC 2047 subjects; lines end in CR LF,
or with --bare-lf in LF as smtplib sends a message made with email's default line ends), while CLIENTS / 3
threads download files of 200 B to 1 MB from http.server on 127.0.0.1:8080. The contents are seeded;
how the sessions interleave is up to the scheduler.
"""
import asyncore
import email.policy
import http.server
import os
import random
import smtpd
import smtplib
import socketserver
import sys
import tempfile
import threading
import time
import urllib.request
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

# compat32 (the policy of email.mime and Header) with SMTP's line ends, or its own bare LF.
LINES = email.policy.compat32 if "--bare-lf" in sys.argv else email.policy.compat32.clone(linesep="\r\n")
SMTP_PORT = 25
HTTP_PORT = 8080
WORDS = ("mail report invoice meeting budget quarterly update server network capture analysis team "
         "project review").split()


class Sink(smtpd.SMTPServer):
    """Accepts every message and drops it."""

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class ThreadingHttpServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def serve_smtp():
    Sink(("127.0.0.1", SMTP_PORT), None, data_size_limit=0, decode_data=False)
    asyncore.loop(timeout=0.5)


def serve_http(root):
    handler = lambda *args, **kwargs: QuietHandler(*args, directory=root, **kwargs)
    ThreadingHttpServer(("127.0.0.1", HTTP_PORT), handler).serve_forever()


def text(rng, size):
    lines, n = [], 0
    while n < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12)))
        lines.append(line)
        n += len(line) + 2
    return "\n".join(lines)


def message(rng, number):
    size = int(10 ** rng.uniform(3, 6))
    sender = f"user{rng.randint(1, 500)}@client{rng.randint(1, 40)}.example"
    recipients = [f"rcpt{rng.randint(1, 900)}@mx{rng.randint(1, 5)}.example" for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.5:
        m = MIMEText(text(rng, size))
    else:
        m = MIMEMultipart()
        m.attach(MIMEText(text(rng, min(size, 4000))))
        m.attach(MIMEApplication(rng.randbytes(size), Name=f"file{number}.bin"))
    m["Subject"] = Header(rng.choice(["Report", "Réunion budget", "Invoice", "Update"]) + f" {number}", "utf-8")
    m["From"] = sender
    m["To"] = ", ".join(recipients)
    # smtplib sends bytes as they are: without CR LF line ends the message's lines end in bare LF,
    # which IMF does not split into header fields (see "bare LF" in the README).
    return sender, recipients, m.as_bytes(policy=LINES)


failures = []


def failing_loudly(work):
    """Runs a client, noting its exception: a thread's own would only be printed."""
    def run(*args):
        try:
            work(*args)
        except Exception as e:
            failures.append(e)
            raise
    return run


def smtp_client(seed, sessions, numbers):
    rng = random.Random(seed)
    for _ in range(sessions):
        with smtplib.SMTP("127.0.0.1", SMTP_PORT) as c:
            c.ehlo(f"client{rng.randint(1, 40)}.example")
            for _ in range(rng.randint(1, 3)):
                sender, recipients, data = message(rng, next(numbers))
                c.sendmail(sender, recipients, data)


def http_client(seed, downloads, files):
    rng = random.Random(seed)
    for _ in range(downloads):
        urllib.request.urlopen(f"http://127.0.0.1:{HTTP_PORT}/{rng.choice(files)}").read()


def main():
    sessions, clients = int(sys.argv[1]), int(sys.argv[2])
    root = tempfile.mkdtemp(prefix="jdissect-http-")
    rng = random.Random(7)
    files = []
    for i in range(20):
        name = f"f{i}"
        with open(os.path.join(root, name), "wb") as f:
            f.write(rng.randbytes(int(10 ** rng.uniform(2.3, 6))))
        files.append(name)
    threading.Thread(target=serve_smtp, daemon=True).start()
    threading.Thread(target=serve_http, args=(root,), daemon=True).start()
    time.sleep(0.5)
    numbers = iter(range(10 ** 9))  # next() on it is atomic under the GIL
    threads = [threading.Thread(target=failing_loudly(smtp_client), args=(i, sessions, numbers)) for i in range(clients)]
    threads += [threading.Thread(target=failing_loudly(http_client), args=(100 + i, sessions, files)) for i in range(max(1, clients // 3))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        sys.exit(f"{len(failures)} client(s) failed: {failures[0]!r}")
    print(f"{clients * sessions} SMTP sessions recorded", file=sys.stderr)


if __name__ == "__main__":
    main()
