#!/bin/sh
# Regenerates imf_mail.pcap and tshark 4.0's outputs for it (run from the project root).
# Fields: every imf.* and mime_multipart.* string/integer field of tshark -G fields, plus the
# protocol stack and the Protocol/Info columns.
set -e
cd "$(dirname "$0")"
python3 make_mail_capture.py imf_mail.pcap
FIELDS="-e frame.number -e frame.protocols"
for f in $(TZ=UTC tshark -G fields | awk -F'\t' '$1=="F" && ($3 ~ /^imf\./ || $3 ~ /^mime_multipart\./) && $4 != "FT_NONE" {print $3}'); do
  FIELDS="$FIELDS -e $f"
done
TZ=UTC LC_ALL=C.UTF-8 tshark -r imf_mail.pcap -T fields -E header=y -E separator=/t -E occurrence=a -E aggregator=, \
  $FIELDS -e _ws.col.Protocol -e _ws.col.Info > imf_mail.pcap.fields.tsv
TZ=UTC LC_ALL=C.UTF-8 tshark -r imf_mail.pcap -V -O imf,mime_multipart > imf_mail.pcap.V.txt
rm -rf imf_mail.pcap.export-imf
TZ=UTC LC_ALL=C.UTF-8 tshark -r imf_mail.pcap -q --export-objects imf,imf_mail.pcap.export-imf
tshark --version | head -1 > imf_mail.pcap.meta.txt
