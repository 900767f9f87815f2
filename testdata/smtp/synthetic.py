#!/usr/bin/env python3
"""Edge-case SMTP sessions written as TCP payloads (C = client 40000 -> server 25, S = server),
turned into captures by text2pcap and dissected by tshark 4.0, whose outputs are stored beside
them (SmtpRecordedCapturesTest compares with them). Run from this folder: ./synthetic.py"""
import os
import subprocess

SESSIONS = {
    # command recognition: four letters, longer verbs, lowercase, a refused STARTTLS, a rejected DATA
    "smtp_syn_verbs.pcap": ("", [
        ("S", b"220 mail.example.test ESMTP\r\n"), ("C", b"EHLO x\r\n"), ("S", b"250-mail\r\n250 STARTTLS\r\n"),
        ("C", b"XYZZ magic\r\n"), ("S", b"502 no\r\n"), ("C", b"XYZZY magic\r\n"), ("S", b"502 no\r\n"),
        ("C", b"STARTTLS\r\n"), ("S", b"454 4.7.0 TLS not available\r\n"),
        ("C", b"mail from:<a@example.test>\r\n"), ("S", b"250 2.1.0 Ok\r\n"),
        ("C", b"RCPT TO:<b@example.test>\r\n"), ("S", b"550 5.1.1 unknown\r\n"),
        ("C", b"DATA\r\n"), ("S", b"554 5.5.1 Error: no valid recipients\r\n"),
        ("C", b"QUIT\r\n"), ("S", b"221 2.0.0 Bye\r\n")]),
    # replies: junk lines, a multi-line reply whose code changes, one split across segments
    "smtp_syn_replies.pcap": ("", [
        ("S", b"hello\r\n2x0 bad\r\n99\r\n220 ok\r\n"), ("C", b"EHLO x\r\n"),
        ("S", b"250-a\r\n251-b\r\n250 c\r\n"), ("C", b"HELP\r\n"), ("S", b"214-help 1\r\n214-help 2\r\n"),
        ("S", b"214 end\r\n"), ("C", b"NOOP\r\n"), ("S", b"250 2.0.0 Ok\r\n")]),
    # AUTH PLAIN answered after 334, AUTH LOGIN with the username inline and a failed password
    "smtp_syn_auth.pcap": ("", [
        ("S", b"220 ok\r\n"), ("C", b"AUTH PLAIN\r\n"), ("S", b"334 \r\n"),
        ("C", b"AGp1ZHkAaHVudGVyMg==\r\n"), ("S", b"235 2.7.0 Authentication successful\r\n"),
        ("C", b"AUTH LOGIN YWxpY2U=\r\n"), ("S", b"334 UGFzc3dvcmQ6\r\n"), ("C", b"d3Jvbmc=\r\n"),
        ("S", b"535 5.7.8 Error: authentication failed\r\n"), ("C", b"QUIT\r\n"), ("S", b"221 Bye\r\n")]),
    # clear text after the 220 reply to STARTTLS in the same segment, then TLS records
    "smtp_syn_starttls_injected.pcap": ("", [
        ("S", b"220 ok\r\n"), ("C", b"STARTTLS\r\n"), ("S", b"220 2.0.0 Ready to start TLS\r\n250 injected\r\n"),
        ("C", b"\x16\x03\x01\x00\x05hello"), ("S", b"\x16\x03\x03\x00\x02hi")]),
    # DATA terminators: "." alone after a CRLF-ended segment, a body ending in a blank line,
    # pipelined QUIT after "." in one segment
    "smtp_syn_dot.pcap": ("", [
        ("S", b"220 ok\r\n"), ("C", b"MAIL FROM:<a@b>\r\n"), ("S", b"250 ok\r\n"), ("C", b"RCPT TO:<c@d>\r\n"),
        ("S", b"250 ok\r\n"), ("C", b"DATA\r\n"), ("S", b"354 go\r\n"), ("C", b"Subject: one\r\n\r\nbody\r\n"),
        ("C", b".\r\n"), ("S", b"250 queued\r\n"), ("C", b"MAIL FROM:<a@b>\r\n"), ("S", b"250 ok\r\n"),
        ("C", b"RCPT TO:<c@d>\r\n"), ("S", b"250 ok\r\n"), ("C", b"DATA\r\n"), ("S", b"354 go\r\n"),
        ("C", b"Subject: two\r\n\r\n..stuffed\r\n\r\n.\r\nQUIT\r\n"), ("S", b"250 queued\r\n221 bye\r\n")]),
}


def segments(data, size=1460, cuts=()):
    """The client's bytes as TCP segments of at most size bytes, also cut after each offset in cuts."""
    ends = sorted(set(list(range(size, len(data), size)) + list(cuts) + [len(data)]))
    return [("C", data[a:b]) for a, b in zip([0] + ends, ends)]


# lines of tens of kilobytes, which TCP hands to SMTP again with every segment until their end comes
# (jdissect resumes its search for the end where the last call stopped): a MAIL command, DATA and a
# body line, each with its CR ending one segment and its LF starting the next
LONG_LINE = bytes((b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[i * 7 % 64] for i in range(20000)))
LONG_MAIL = b"MAIL FROM:<" + LONG_LINE[:5000] + b"@example.test>\r\n"
LONG_BODY = b"Subject: long\r\n\r\n" + LONG_LINE + b"\r\nshort\r\n.\r\n"
SESSIONS["smtp_syn_long_lines.pcap"] = ("", [("S", b"220 ok\r\n")]
    + segments(LONG_MAIL, cuts=[len(LONG_MAIL) - 1])
    + [("S", b"250 ok\r\n"), ("C", b"RCPT TO:<c@d>\r\n"), ("S", b"250 ok\r\n"), ("C", b"DATA\r"), ("C", b"\n"),
       ("S", b"354 go\r\n")]
    + segments(LONG_BODY, cuts=[LONG_BODY.index(b"\r\nshort") + 1])
    + [("S", b"250 queued\r\n"), ("C", b"QUIT\r\n"), ("S", b"221 bye\r\n")])

FIELDS = open("fields.list").read().split()
HOME = "/tmp/jdissect-synthetic"
os.makedirs(HOME, exist_ok=True)
env = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", HOME=HOME)
rows = []
for name, (opts, packets) in SESSIONS.items():
    text = "".join(("I" if d == "C" else "O") + "\n0000 " + " ".join("%02x" % b for b in p) + "\n"
                   for d, p in packets)
    with open(HOME + "/in.txt", "w") as f:
        f.write(text)
    # -D: "I" lines are client -> server (40000 -> 25), "O" lines the server's answers
    subprocess.run(["text2pcap", "-q", "-D", "-T", "40000,25", "-t", "%s.", HOME + "/in.txt", name], check=True,
                   stderr=subprocess.DEVNULL)
    args = opts.split()
    with open(name + ".V.txt", "w") as f:
        subprocess.run(["tshark", "-r", name] + args + ["-V"], stdout=f, env=env, check=True, stderr=subprocess.DEVNULL)
    with open(name + ".fields.tsv", "w") as f:
        subprocess.run(["tshark", "-r", name] + args + ["-T", "fields", "-E", "header=y", "-E", "separator=/t",
                        "-E", "occurrence=a", "-E", "aggregator=,"] + FIELDS, stdout=f, env=env, check=True,
                       stderr=subprocess.DEVNULL)
    rows.append("%s\t%d\t%s" % (name, len(packets), opts))
with open("manifest-synthetic.tsv", "w") as f:
    f.write("file\tframes\ttshark_extra_options\n" + "\n".join(rows) + "\n")
# tshark's expert messages on a capture where jdissect's own expert items say more (MainTest: with
# --tshark-only, -T fields leaves ours out).
with open("smtp_syn_verbs.pcap.expert.tsv", "w") as f:
    subprocess.run(["tshark", "-r", "smtp_syn_verbs.pcap", "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message"],
                   stdout=f, env=env, check=True, stderr=subprocess.DEVNULL)
