#!/bin/sh
# Stores tshark 4.0's output for two-pass runs (-2, -2 -R, -2 -Y) over the shared captures, so
# TwoPassTest can compare jdissect's without tshark. Run from this directory:
#   sh two-pass.sh [path to shared testdata]     (default ../../../shared/testdata)
# Each line of commands.tsv: name, capture (relative to the shared testdata, or to the project
# when it starts with testdata/), then the options
# given to both programs (tab-separated); the output is NAME.out, tshark's exit code NAME.rc.
# tshark runs with -n (jdissect never resolves names) and jdissect with --tshark-only.
set -e
SHARED=${1:-../../../shared/testdata}
export TZ=UTC LC_ALL=C.UTF-8 HOME=/nonexistent
while IFS='	' read -r name capture opts; do
    case "$name" in ''|'#'*) continue ;; esac
    # The options are tab-separated words, so filters may hold spaces.
    set -f; IFS='	'; set -- $opts; unset IFS; set +f
    case "$capture" in testdata/*) file=../../$capture ;; *) file=$SHARED/$capture ;; esac
    rc=0
    tshark -n -r "$file" "$@" >"$name.out" 2>/dev/null || rc=$?
    echo "$rc" >"$name.rc"
done <commands.tsv
