#!/usr/bin/env bash
# Runs one jdissect command line N times in one JVM and prints each run's wall time: the first run
# pays start-up and JIT warm-up, the later ones show the steady state (see "Performance" in the README).
#   bench/warm.sh 4 -r capture.pcap -T json
# The JVM options are the launcher's for the same command line, which ../jdissect prints when asked.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
if [[ $# -lt 2 ]]; then
  echo "usage: bench/warm.sh RUNS JDISSECT-ARGS..." >&2
  exit 2
fi
"$root/jdissect" -v >/dev/null   # builds target/jdissect-*.jar when it is missing or stale
jar="$(ls "$root"/target/jdissect-*.jar | grep -v -e '-original' -e '-sources' | head -n 1)"
classes="$here/work/warm-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -cp "$jar" -d "$classes" "$here/src/main/java/io/jdissect/bench/warm/RepeatedRuns.java"
# The launcher's JVM options for this command line (the compilers depend on the capture's size).
mapfile -t opts < <(JDISSECT_PRINT_JAVA_OPTS=1 "$root/jdissect" "${@:2}")
exec java "${opts[@]}" -cp "$jar:$classes" io.jdissect.bench.warm.RepeatedRuns "$@"
