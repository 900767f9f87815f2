#!/usr/bin/env bash
# Records a benchmark capture with other tools than bench/generate.sh: real SMTP sessions between
# Python's smtplib (clients) and Python's smtpd (a server that drops what it receives) on port 25,
# beside HTTP downloads from Python's http.server on port 8080, captured by dumpcap on the loopback
# interface as pcapng. See "Captures made by other tools" in the README.
#
#   sudo bench/loopback/record.sh OUT.pcapng [SESSIONS_PER_CLIENT [CLIENTS [--bare-lf] [--any]]]   (defaults 120 and 8)
#
# 120 sessions for each of 8 clients make about 380 MB, 320 about 1.1 GB. --bare-lf: message lines
# end in LF alone (as some clients send them; see sessions.py). --any: captured on the "any" device,
# as `tcpdump -i any` does, so the link layer is Linux cooked capture (SLL) instead of Ethernet.
#
# Needs root (port 25, capturing, and the interface settings below), dumpcap, ethtool, ip, and a
# Python 3.11 (smtpd left the standard library in 3.12). For the time of the recording the loopback
# interface gets an Ethernet MTU and no segmentation offloads, so that segments are at most 1,514
# bytes as on a real network (with its 64 KiB MTU and offloads lo carries 64 KiB segments); both are
# restored afterwards.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: record.sh OUT.pcapng [SESSIONS_PER_CLIENT [CLIENTS [--bare-lf] [--any]]]}"
sessions="${2:-120}"
clients="${3:-8}"
device=lo
session_options=()
for option in "${@:4}"; do
  if [[ $option == --any ]]; then device=any; else session_options+=("$option"); fi
done
old_mtu="$(cat /sys/class/net/lo/mtu)"
# The offloads' settings before, as "tso on gso on gro off" for ethtool -K.
old_offloads="$(ethtool -k lo | awk '/^tcp-segmentation-offload:/ {printf "tso %s ", $2}
  /^generic-segmentation-offload:/ {printf "gso %s ", $2} /^generic-receive-offload:/ {printf "gro %s ", $2}')"
restore() {
  ip link set lo mtu "$old_mtu" || true
  # shellcheck disable=SC2086 # the settings are words for ethtool
  ethtool -K lo $old_offloads >/dev/null 2>&1 || true
  [[ -n "${dumpcap_pid:-}" ]] && kill -INT "$dumpcap_pid" 2>/dev/null || true
}
trap restore EXIT
ip link set lo mtu 1500
ethtool -K lo tso off gso off gro off
rm -f "$out"
dumpcap -i "$device" -B 512 -s 0 -q -w "$out" &
dumpcap_pid=$!
sleep 2   # dumpcap's capture is open before the first session starts
python3 -W ignore "$here/sessions.py" "$sessions" "$clients" "${session_options[@]}"
sleep 1
kill -INT "$dumpcap_pid"
wait "$dumpcap_pid" || true
dumpcap_pid=""
capinfos -c -s "$out" 2>/dev/null || ls -l "$out"
