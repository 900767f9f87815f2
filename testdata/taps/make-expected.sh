#!/bin/bash
# Regenerates tshark 4.0's -z outputs for the analyzer tests (AnalyzerTsharkTest) from the shared
# captures: one file per capture and tap, <capture>.<tap>.txt, with tshark's banner line removed.
# Run from this directory with tshark 4.0 on the PATH:  bash make-expected.sh
set -e
SHARED=${SHARED:-../../../shared/testdata}
CAPTURES="
generated/fmt_any_sll.pcap
generated/fmt_lo.pcapng
generated/smtp_dot_stuffing.pcap
generated/smtp_ehlo_basic.pcap
generated/smtp_large_data_lo64k.pcap
generated/smtp_mime_multipart.pcap
generated/smtp_multi_rcpt.pcap
generated/smtp_pipelining.pcap
public/arkime__smtp-data-250.pcap
public/arkime__smtp-data-521.pcap
public/arkime__smtp-rcpt-553.pcap
public/arkime__smtp-subject-utf8-q.pcap
public/suricata-verify__smtp-multi-mail.pcap
public/suricata-verify__smtp-pipelining.pcap
public/suricata-verify__smtp-rset.pcap
public/suricata-verify__smtp-long-command.pcap
public/zeek__rfc3030-bdat-multipart.pcap
public/zeek__smtp-attachment-msg.pcap
public/zeek__smtp-multi-addr.pcap
public/zeek__smtp-one-side-only.pcap
public/zeek__smtp-bdat-cmd-invalid.pcapng
"
for c in $CAPTURES; do
  name=$(basename "$c")
  for tap in conv,tcp endpoints,ip io,phs expert follow,tcp,ascii,0; do
    out="$name.$(echo "$tap" | tr ',' '_').txt"
    # -q: nothing but the statistics (tshark prints io,phs without the frame level then)
    tshark -n -q -r "$SHARED/$c" -z "$tap" 2>/dev/null > "$out"
  done
done
# io,phs when the tree is fully built (a display filter, -V, -T fields/json): the frame level is shown
tshark -n -q -r "$SHARED/generated/smtp_ehlo_basic.pcap" -Y frame -z io,phs 2>/dev/null > smtp_ehlo_basic.pcap.io_phs.filtered.txt
# expert with a lowest severity
tshark -n -q -r "$SHARED/public/arkime__smtp-data-521.pcap" -z expert,note 2>/dev/null > arkime__smtp-data-521.pcap.expert_note.txt
# tap filters and -2 -R before the taps (filtered.tsv): standard output and error, then the exit status
mkdir -p filtered
grep -v '^#' filtered.tsv | while IFS=$'\t' read -r -a f; do
  set +e
  out=$(tshark -n -q -r "$SHARED/${f[1]}" "${f[@]:2}" 2>&1)
  status=$?
  set -e
  # tshark's warning about running as root is no part of its answer
  { printf '%s\n' "$out" | grep -v '^Running as user' || true; echo "exit status $status"; } > "filtered/${f[0]}.txt"
done
