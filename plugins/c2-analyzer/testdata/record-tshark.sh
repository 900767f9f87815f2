#!/bin/sh
# Stores tshark 4.0's view of the fields the C2 analyzer reads, beside each capture of
# make_captures.py: <capture>.fields.tsv (header line, every frame, all occurrences joined by ",").
# smtp.decryption shows the AUTH credentials decoded, as the analyzer's smtp.x.auth.* fields are.
set -e
cd "$(dirname "$0")"
FIELDS="-e frame.number -e frame.time_epoch -e tcp.stream -e tcp.srcport -e tcp.dstport
 -e smtp.req.command -e smtp.req.parameter -e smtp.response.code -e smtp.rsp.parameter
 -e smtp.auth.username -e smtp.auth.password -e smtp.auth.username_password
 -e imf.subject -e imf.extension.type -e imf.extension.value
 -e mime_multipart.header.content-type -e mime_multipart.header.content-disposition
 -e mime_multipart.header.content-transfer-encoding"
for f in c2-beacon.pcap c2-content.pcap c2-port.pcap ordinary.pcap junk.pcap; do
    tshark -n -r "$f" -o smtp.decryption:TRUE -d tcp.port==8025,smtp -T fields -E header=y -E occurrence=a \
        -E aggregator=, $FIELDS > "$f.fields.tsv"
done
tshark -v | head -1 > tshark-version.txt
