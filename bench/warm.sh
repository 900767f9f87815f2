#!/usr/bin/env bash
# Runs one jdissect command line N times in one JVM and prints each run's wall time: the first run
# pays start-up and JIT warm-up, the later ones show the steady state (see "Performance" in the README).
#   bench/warm.sh 4 -r capture.pcap -T json
# The JVM options are the launcher's for a capture of 32 MiB or more (../jdissect; keep them in step).
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
exec java -XX:+UseSerialGC -XX:MaxInlineLevel=6 -XX:InlineSmallCode=1000 -XX:FreqInlineSize=150 \
  -XX:MaxRecursiveInlineLevel=0 -Xmx384m -Xmn192m -XX:SurvivorRatio=2 -XX:MaxTenuringThreshold=1 \
  -cp "$jar:$classes" io.jdissect.bench.warm.RepeatedRuns "$@"
