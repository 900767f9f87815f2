#!/usr/bin/env bash
# Benchmarks jdissect against tshark on the same synthetic SMTP captures, in one run: each workload is
# run N times, tshark and jdissect alternating, and the medians are printed as a Markdown table with
# the ratio tshark/jdissect, throughput and peak RSS. See "Performance" in the README.
#
#   bench/run.sh                               100M and 1G captures, all workloads, 3 runs
#   bench/run.sh --sizes 100M --runs 1 --workloads "a b e"
#   bench/run.sh --capture other.pcap          a capture made by another tool, alone (no generation; add
#                                              --sizes to measure generated captures beside it)
#   bench/run.sh --verify                      only the checks on a 5 MB capture: generator deterministic,
#                                              (a)/(b) same as tshark, output independent of --threads
#
# Options: --sizes "100M 1G"  --runs N  --workloads "a b c d e f"  --seed N  --capture FILE (repeatable)
#          --jdissect-args "ARGS" (added to every jdissect command, e.g. a thread count)
#          --no-tshark  --no-verify  --verify
# Captures are generated once under bench/work/ (keyed by seed, size and generator version) and reused.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="$here/work"
sizes="100M 1G"
sizes_given=0
runs=3
workloads="a b c d e f"
seed=1
captures=()
jdissect_args=""
with_tshark=1
verify=1
verify_only=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; sizes_given=1; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --capture) captures+=("$(realpath "$2")"); shift 2 ;;
    --jdissect-args) jdissect_args="$2"; shift 2 ;;
    --no-tshark) with_tshark=0; shift ;;
    --no-verify) verify=0; shift ;;
    --verify) verify_only=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
# A capture of one's own is measured alone, unless generated sizes are asked for too.
if [[ ${#captures[@]} -gt 0 && $sizes_given == 0 ]]; then sizes=""; fi
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
if [[ $with_tshark == 1 || $verify == 1 || $verify_only == 1 ]]; then
  command -v tshark >/dev/null || { echo "run.sh: tshark is missing (or use --no-tshark --no-verify)" >&2; exit 2; }
fi
mkdir -p "$work/out"
log="$work/run.log"
: > "$log"

# The workloads of issue 7; (a) and (b) write their fields to a file so that the outputs can be compared.
workload_args() {
  case "$1" in
    a) W=(-Y 'smtp.req.command == "MAIL"' -T fields -e frame.number -e smtp.req.parameter) ;;
    b) W=(-Y imf -T fields -e frame.number -e imf.subject -e imf.from) ;;
    c) W=(-T json) ;;
    d) W=(-T ek) ;;
    e) W=(-q) ;;
    f) W=(-q -Y frame) ;;
    *) echo "run.sh: unknown workload $1 (a b c d e f)" >&2; exit 2 ;;
  esac
}
workload_name() {
  case "$1" in
    a) echo "(a) -Y MAIL -T fields" ;;
    b) echo "(b) -Y imf -T fields" ;;
    c) echo "(c) -T json" ;;
    d) echo "(d) -T ek" ;;
    e) echo "(e) -q" ;;
    f) echo "(f) -q -Y frame" ;;
  esac
}
workload_goal() {
  case "$1" in a|b) echo 20 ;; c|d) echo 10 ;; e|f) echo 0 ;; esac
}

echo "building jdissect and the record reader..." >&2
"$root/jdissect" -v >/dev/null
jar="$(ls "$root"/target/jdissect-*.jar | grep -v -e '-original' -e '-sources' | head -n 1)"
read_classes="$work/read-classes"
rm -rf "$read_classes" && mkdir -p "$read_classes"
javac -cp "$jar" -d "$read_classes" "$here/src/main/java/io/jdissect/bench/read/ReadRecords.java"
read_records() { java -cp "$jar:$read_classes" io.jdissect.bench.read.ReadRecords "$@"; }

# A capture is reused while the generator's sources are unchanged: their hash is in the file name.
generator_version="$(cat "$here"/src/main/java/io/jdissect/bench/capture/*.java | sha256sum | cut -c1-8)"
capture_for() {
  local size="$1" file="$work/smtp-seed$seed-$1-$generator_version.pcap"
  if [[ ! -s "$file" ]]; then
    "$here/generate.sh" --seed "$seed" --size "$size" --out "$file.tmp" >&2
    mv "$file.tmp" "$file"
  fi
  echo "$file"
}

# tool, workload, capture, output file -> "seconds peakKB" appended to $results, or FAIL.
measure() {
  local tool="$1" w="$2" file="$3" out="$4" t="$work/time.txt"
  workload_args "$w"
  local cmd=(tshark -r "$file" "${W[@]}")
  # shellcheck disable=SC2206 # the extra arguments are meant to be split into words
  [[ $tool == jdissect ]] && cmd=("$root/jdissect" $jdissect_args -r "$file" "${W[@]}")
  # The goals assume the capture in the page cache, but a kernel may drop cached pages that nobody
  # touched for a while (this machine's kernel runs a DAMON "pageout" scheme on pages idle for 60 s):
  # a tshark run of a minute or more left the capture's first pages, and the JVM's files, to be read
  # from disk again by the jdissect run after it. So before every timed run, of either tool, the
  # capture is read again and the tool started once (-v), and the log notes how much of the capture
  # had been left in the cache.
  if command -v fincore > /dev/null; then
    echo "$(basename "$file") $w $tool: $(fincore -n -b -o RES "$file" 2>/dev/null || echo '?') of" \
      "$(stat -c %s "$file") bytes of the capture in the page cache before it was read again" >> "$log"
  fi
  cat "$file" > /dev/null
  "${cmd[0]}" -v > /dev/null 2>> "$log" || true
  if /usr/bin/time -f "%e %M" -o "$t" "${cmd[@]}" >"$out" 2>>"$log"; then
    echo "$(basename "$file") $w $tool $(tail -n 1 "$t")" >> "$results"
  else
    echo "run.sh: $tool failed on $w ($(basename "$file")), see $log" >&2
    echo "$(basename "$file") $w $tool FAIL 0" >> "$results"
  fi
}

# The (a) and (b) fields of tshark and jdissect must be the same bytes on a small capture.
agreement_check() {
  local file ok=0
  file="$(capture_for 5M)"
  "$here/generate.sh" --seed "$seed" --size 5M --out "$work/determinism.pcap" 2>/dev/null
  if cmp -s "$file" "$work/determinism.pcap"; then
    echo "generator: seed $seed gives the same 5M capture twice" >&2
  else
    echo "generator: NOT deterministic for seed $seed" >&2; ok=1
  fi
  rm -f "$work/determinism.pcap"
  for w in a b; do
    workload_args "$w"
    tshark -r "$file" "${W[@]}" > "$work/out/verify-$w-tshark.txt" 2>>"$log"
    # shellcheck disable=SC2086
    "$root/jdissect" $jdissect_args -r "$file" "${W[@]}" > "$work/out/verify-$w-jdissect.txt" 2>>"$log"
    if cmp -s "$work/out/verify-$w-tshark.txt" "$work/out/verify-$w-jdissect.txt"; then
      echo "agreement: $(workload_name "$w") identical ($(wc -l < "$work/out/verify-$w-tshark.txt") lines)" >&2
    else
      echo "agreement: $(workload_name "$w") DIFFERS, see diff $work/out/verify-$w-{tshark,jdissect}.txt" >&2; ok=1
    fi
  done
  return $ok
}

# jdissect's output must be the same bytes whatever its thread count (when it has --threads).
threads_check() {
  local file ok=0
  if ! "$root/jdissect" --help 2>&1 | grep -q -- '--threads'; then
    echo "threads: this jdissect has no --threads option; not checked" >&2
    return 0
  fi
  file="$(capture_for 5M)"
  for w in a b c d; do
    workload_args "$w"
    for n in 1 2; do
      # shellcheck disable=SC2086
      "$root/jdissect" $jdissect_args --threads "$n" -r "$file" "${W[@]}" > "$work/out/threads-$w-$n.txt" 2>>"$log"
    done
    if cmp -s "$work/out/threads-$w-1.txt" "$work/out/threads-$w-2.txt"; then
      echo "threads: $(workload_name "$w") identical with --threads 1 and 2" >&2
    else
      echo "threads: $(workload_name "$w") DIFFERS between --threads 1 and 2, see $work/out/threads-$w-*.txt" >&2; ok=1
    fi
  done
  return $ok
}

if [[ $verify_only == 1 ]]; then
  status=0
  agreement_check || status=1
  threads_check || status=1
  exit $status
fi
verified="not checked"
threads_same="not checked"
if [[ $verify == 1 ]]; then
  if agreement_check; then verified="identical"; else verified="DIFFERENT"; fi
  if threads_check; then threads_same="identical"; else threads_same="DIFFERENT"; fi
fi

files=()
for size in $sizes; do files+=("$(capture_for "$size")"); done
files+=("${captures[@]}")
results="$work/results.txt"
: > "$results"
meta="$work/captures.txt"
: > "$meta"
for file in "${files[@]}"; do
  name="$(basename "$file")"
  echo "warming the page cache with $name..." >&2
  cat "$file" > /dev/null
  packets=0
  for ((r = 1; r <= runs; r++)); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" java -cp "$jar:$read_classes" io.jdissect.bench.read.ReadRecords \
      "$file" > "$work/read.txt"
    packets="$(cut -d' ' -f1 "$work/read.txt")"
    echo "$name read java $(tail -n 1 "$work/time.txt")" >> "$results"
  done
  echo "$name $(stat -c %s "$file") $packets" >> "$meta"
  for w in $workloads; do
    for ((r = 1; r <= runs; r++)); do
      echo "$name: $(workload_name "$w") run $r/$runs" >&2
      for tool in tshark jdissect; do
        [[ $tool == tshark && $with_tshark == 0 ]] && continue
        out=/dev/null
        [[ $w == a || $w == b ]] && out="$work/out/$name-$w-$tool.txt"
        measure "$tool" "$w" "$file" "$out"
      done
    done
  done
done

# The table: medians of the wall times, the highest peak RSS of the runs.
machine() {
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
    "$(awk '/MemTotal/ {printf "%.0f GB RAM", $2 / 1048576}' /proc/meminfo);"\
    "$(java -version 2>&1 | head -n 1);" \
    "$( [[ $with_tshark == 1 ]] && tshark -v 2>/dev/null | head -n 1 || echo 'tshark not run');"\
    "jdissect $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'); $(date -u '+%Y-%m-%d %H:%M UTC')"
  local own=""
  for c in "${captures[@]}"; do own+=" --capture $c"; done
  echo "Command: bench/run.sh --sizes \"$sizes\"$own --runs $runs --workloads \"$workloads\" --seed $seed" \
    "$( [[ -n $jdissect_args ]] && echo "--jdissect-args \"$jdissect_args\"")$( [[ $with_tshark == 0 ]] && echo --no-tshark)"
  echo "(a)/(b) fields on the 5 MB capture, tshark vs jdissect: $verified;"\
    "jdissect (a)-(d) with --threads 1 and 2: $threads_same"
}
table() {
  local same_a same_b
  echo
  machine
  echo
  echo "| capture | workload | tshark s | jdissect s | tshark/jdissect | goal | jdissect MB/s | jdissect packets/s | tshark peak RSS MB | jdissect peak RSS MB | same output |"
  echo "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---|"
  for file in "${files[@]}"; do
    name="$(basename "$file")"
    for w in a b; do
      same="-"
      if [[ $with_tshark == 1 && -f "$work/out/$name-$w-tshark.txt" && -f "$work/out/$name-$w-jdissect.txt" ]]; then
        cmp -s "$work/out/$name-$w-tshark.txt" "$work/out/$name-$w-jdissect.txt" && same=yes || same=NO
      fi
      eval "same_$w=$same"
    done
    awk -v name="$name" -v workloads="$workloads" -v same_a="$same_a" -v same_b="$same_b" \
        -v labels="$(for w in a b c d e f; do workload_name $w; done | paste -sd '|')" \
        -v goals="$(for w in a b c d e f; do workload_goal $w; done | paste -sd ' ')" '
      function median(key,   n, i, j, v, tmp) {
        n = split(times[key], v, " ")
        if (n == 0) return -1
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      }
      function cell(x, fmt) { return x < 0 ? "-" : sprintf(fmt, x) }
      FILENAME ~ /captures.txt$/ { if ($1 == name) { bytes = $2; packets = $3 }; next }
      $1 != name { next }
      $4 == "FAIL" { failed[$2 " " $3] = 1; next }
      { key = $2 " " $3; times[key] = times[key] " " $4; if ($5 > rss[key]) rss[key] = $5 }
      END {
        split(labels, label, "|"); split(goals, goal, " ")
        mb = bytes / 1e6
        r = median("read java")
        readRate = r > 0 ? mb / r : 0
        printf "| %s (%.0f MB, %d packets) | read records only (core CaptureReader) | - | %s | - | - | %s | %s | - | %s | - |\n", \
          name, mb, packets, cell(r, "%.2f"), cell(r > 0 ? mb / r : -1, "%.0f"), cell(r > 0 ? packets / r : -1, "%.0f"), \
          cell(rss["read java"] / 1024, "%.0f")
        n = split(workloads, ws, " ")
        for (i = 1; i <= n; i++) {
          w = ws[i]; idx = index("abcdef", w)
          t = median(w " tshark"); j = median(w " jdissect")
          if (failed[w " jdissect"] || failed[w " tshark"]) note = " (a run FAILED)"; else note = ""
          ratio = (t > 0 && j > 0) ? t / j : -1
          if (w == "e" || w == "f") {
            share = (j > 0 && readRate > 0) ? (mb / j) / readRate : -1
            goalText = sprintf(">= 1/4 of read-only: %s", share < 0 ? "-" : sprintf("%.2f %s", share, share >= 0.25 ? "met" : "not met"))
          } else {
            goalText = sprintf(">= %dx: %s", goal[idx], ratio < 0 ? "-" : (ratio >= goal[idx] ? "met" : "not met"))
          }
          same = w == "a" ? same_a : w == "b" ? same_b : "-"
          printf "| %s | %s%s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, label[idx], note, \
            cell(t, "%.2f"), cell(j, "%.2f"), cell(ratio, "%.1fx"), goalText, cell(j > 0 ? mb / j : -1, "%.1f"), \
            cell(j > 0 ? packets / j : -1, "%.0f"), cell(rss[w " tshark"] > 0 ? rss[w " tshark"] / 1024 : -1, "%.0f"), \
            cell(rss[w " jdissect"] > 0 ? rss[w " jdissect"] / 1024 : -1, "%.0f"), same
        }
      }' "$meta" "$results"
  done
}
report="$work/results-$(date -u +%Y%m%dT%H%M%SZ).md"
table | tee "$report"
echo >&2
echo "table saved in $report; stderr of the runs in $log" >&2
