#!/usr/bin/env bash
# Fuzzes each Jazzer target for up to 60 s (the targets' maxDuration); findings (crashing inputs)
# are written by Jazzer into src/test/resources/io/jdissect/fuzz/<Target>Inputs/<method>/, where the
# plain `mvn test` replays them from then on. Review and commit them with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in CaptureFuzzTest LowerLayerFuzzTest TcpReassemblyFuzzTest WriterFuzzTest FilterFuzzTest ImfFuzzTest SmtpFuzzTest; do
    echo "== fuzzing $target"
    JAZZER_FUZZ=1 mvn -B -q test -Dtest="$target" || echo "$target: findings, see above"
done
