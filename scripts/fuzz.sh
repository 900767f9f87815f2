#!/usr/bin/env bash
# Fuzzes each Jazzer target method for up to 60 s (the targets' maxDuration); findings (crashing
# inputs) are written by Jazzer into src/test/resources/io/jdissect/fuzz/<Target>Inputs/<method>/,
# where the plain `mvn test` replays them from then on. Review and commit them with the fix.
# In fuzzing mode Jazzer fuzzes only one @FuzzTest method per run (the others of the class are
# skipped), so each method gets its own run, selected with -Dtest=Class#method; the methods are
# found in the sources, so a new target is fuzzed without editing this script.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_DIR=src/test/java/io/jdissect/fuzz
for source in "$FUZZ_DIR"/*FuzzTest.java; do
    target=$(basename "$source" .java)
    # the method declared on the line after each @FuzzTest annotation
    for method in $(awk '/@FuzzTest/ { getline; if (match($0, /void [A-Za-z0-9_]+\(/)) print substr($0, RSTART + 5, RLENGTH - 6) }' "$source"); do
        echo "== fuzzing $target#$method"
        JAZZER_FUZZ=1 mvn -B -q test -Dtest="$target#$method" || echo "$target#$method: findings, see above"
    done
done
