#!/usr/bin/env bash
# Builds and runs the JMH benchmarks of the hot paths (bench/src/main/java/io/jdissect/bench/jmh).
#   bench/jmh.sh                     all of them, short iterations (about 6 minutes)
#   bench/jmh.sh Filter -f 1 -wi 5   any JMH arguments: a benchmark name pattern, -f, -wi, -i, -prof gc ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
"$root/jdissect" -v >/dev/null   # builds target/jdissect-*.jar when it is missing or stale
jar="$(ls "$root"/target/jdissect-*.jar | grep -v -e '-original' -e '-sources' | head -n 1)"
if ! (cd "$here" && mvn -B -q -o package -DskipTests "-Djdissect.jar=$jar" >/dev/null 2>&1); then
  (cd "$here" && mvn -B -q package -DskipTests "-Djdissect.jar=$jar" >&2)
fi
exec java -cp "$here/target/benchmarks.jar:$jar" org.openjdk.jmh.Main "$@"
