#!/usr/bin/env bash
# The mutation run of issue 8. Every capture under testdata/ and ../shared/testdata/ (or the folders
# given as arguments) is mutated MUTANTS times (bit flips, byte sets, truncations, splices between
# captures, duplicated ranges, corrupted pcap record / pcapng block / IPv4 / IPv6 / TCP lengths) and
# each mutant is run through the command line once per output format and filter, in one JVM
# (io.jdissect.cli.MutationRun, a test class), each run with a time limit. Then a sample of the
# mutants goes through the real command line (./jdissect's java options) under /usr/bin/time to
# measure peak RSS. Prints the counts; exits 1 on any crash, hang, or RSS over the cap.
#
#   MUTANTS=40 SEED=1 TIMEOUT=10 RSS_CAP_MB=512 SAMPLE_EVERY=25 scripts/mutation-run.sh [DIR...]
#
# Findings (the mutant, the command line, what went wrong) go to target/mutation-findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
MUTANTS=${MUTANTS:-40}
SEED=${SEED:-1}
TIMEOUT=${TIMEOUT:-10}
RSS_CAP_MB=${RSS_CAP_MB:-512}
SAMPLE_EVERY=${SAMPLE_EVERY:-25}
FINDINGS=target/mutation-findings
SAMPLES=target/mutation-samples
dirs=("$@")
if [[ ${#dirs[@]} -eq 0 ]]; then
    dirs=(testdata ../shared/testdata)
fi

mvn -B -q -o package -DskipTests >&2 || mvn -B -q package -DskipTests >&2
jar=$(ls target/jdissect-*.jar | grep -v -e '-original' -e '-sources' | head -n 1)
rm -rf "$FINDINGS" "$SAMPLES"

status=0
java -Xmx1g -XX:+UseSerialGC -cp "target/test-classes:$jar" io.jdissect.cli.MutationRun \
    "$MUTANTS" "$SEED" "$TIMEOUT" "$FINDINGS" "$SAMPLES" "$SAMPLE_EVERY" "${dirs[@]}" || status=1

# Peak RSS and wall time of the real command line (a new JVM per run, as a user runs it).
max_rss=0; max_file=""; samples=0; slow=0
for f in "$SAMPLES"/*; do
    [[ -e "$f" ]] || continue
    for fmt in "-T json" "-V -x"; do
        # shellcheck disable=SC2086
        /usr/bin/time -o target/mutation-time.txt -f '%M %e' timeout "$((TIMEOUT + 5))" \
            java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -jar "$jar" -r "$f" $fmt >/dev/null 2>&1 || true
        out=$(tail -n 1 target/mutation-time.txt)
        rss=${out%% *}; secs=${out##* }
        samples=$((samples + 1))
        if [[ "$rss" =~ ^[0-9]+$ ]] && (( rss > max_rss )); then max_rss=$rss; max_file="$f $fmt"; fi
        if [[ "$secs" =~ ^[0-9.]+$ ]] && awk "BEGIN {exit !($secs > $TIMEOUT)}"; then slow=$((slow + 1)); fi
    done
done
echo "command-line samples: $samples"
echo "command-line hangs (> ${TIMEOUT} s): $slow"
echo "peak RSS: $((max_rss / 1024)) MB (cap ${RSS_CAP_MB} MB) — $max_file"
if (( max_rss / 1024 > RSS_CAP_MB )) || (( slow > 0 )); then status=1; fi
exit $status
