#!/usr/bin/env python3
"""Writes the test mailbox for record.sh into a Maildir new/ folder (argv[1]): four fixed mails."""
import os
import sys

CRLF = "\r\n"


def mail(headers, body):
    return CRLF.join(headers) + CRLF + CRLF + CRLF.join(body) + CRLF


PLAIN = mail(
    ["From: Bob Example <bob@example.org>", "To: alice@example.org", "Subject: Lunch on Friday",
     "Date: Fri, 03 Nov 2023 10:15:00 +0000", "Message-ID: <lunch-1@example.org>"],
    ["Hi Alice,", "", "shall we meet at noon?", ".leading dot line", "", "Bob"])

MULTIPART = mail(
    ["From: Carol <carol@example.net>", "To: Alice <alice@example.org>", "Subject: Report attached",
     "Date: Sat, 04 Nov 2023 08:00:00 +0000", "MIME-Version: 1.0",
     'Content-Type: multipart/mixed; boundary="b1_report"'],
    ["This is a multi-part message in MIME format.", "", "--b1_report",
     "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
     "The report is attached.", "", "--b1_report",
     'Content-Type: text/csv; name="report.csv"', "Content-Transfer-Encoding: base64",
     'Content-Disposition: attachment; filename="report.csv"', "",
     "bW9udGgsdG90YWwKamFudWFyeSwxMgpmZWJydWFyeSwxNQo=", "", "--b1_report--"])

DELETE_ME = mail(
    ["From: newsletter@example.com", "To: alice@example.org", "Subject: Weekly news",
     "Date: Sun, 05 Nov 2023 06:30:00 +0000"],
    ["Nothing new this week."])

LARGE = mail(
    ["From: Dave <dave@example.com>", "To: alice@example.org", "Subject: Big log file",
     "Date: Mon, 06 Nov 2023 12:00:00 +0000"],
    ["log line %05d: the quick brown fox jumps over the lazy dog" % i for i in range(3000)])

folder = sys.argv[1]
for n, text in enumerate([PLAIN, MULTIPART, DELETE_ME, LARGE], start=1):
    stored = text.replace(CRLF, "\n").encode()  # Maildir keeps LF; S= is the stored size
    name = "17000000%02d.M%dP1.jdissect,S=%d" % (n, n, len(stored))
    with open(os.path.join(folder, name), "wb") as f:
        f.write(stored)
