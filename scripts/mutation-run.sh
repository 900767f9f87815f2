#!/usr/bin/env bash
# The mutation run of issue 8. Every capture under testdata/ and ../shared/testdata/ (or the folders
# given as arguments) is mutated MUTANTS times (bit flips, byte sets, truncations, splices between
# captures, duplicated ranges, corrupted pcap record / pcapng block / IPv4 / IPv6 / TCP lengths) and
# each mutant is run through the command line once per output format and filter, in one JVM
# (io.jdissect.cli.MutationRun, a test class), each run with a time limit; -w output (pcapng, pcap)
# is read back, exports go to a fresh folder whose parent must hold nothing else afterwards. Then a
# sample of the mutants (every SAMPLE_EVERY-th) goes through the real launcher, ./jdissect, with the
# JVM options users get (-Xmx384m, SerialGC, C2 with its inlining held back, class data sharing), under /usr/bin/time to
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

# Peak RSS of the real command line: ./jdissect, a new JVM per run with the launcher's options, as
# a user runs it (GNU time reports the largest RSS of the process tree it waited for: the launcher's
# java, whether exec'd or its child). A hang here is a run killed by `timeout` after TIMEOUT s; the
# slowest wall time is printed too (JVM start included, so it depends on the machine's load).
max_rss=0; max_file=""; samples=0; hangs=0; slowest=0
for f in "$SAMPLES"/*; do
    [[ -e "$f" ]] || continue
    for fmt in "-T json" "-V -x"; do
        code=0
        # shellcheck disable=SC2086
        /usr/bin/time -o target/mutation-time.txt -f '%M %e' timeout "$TIMEOUT" \
            ./jdissect -r "$f" $fmt >/dev/null 2>&1 || code=$?
        read -r rss secs < <(tail -n 1 target/mutation-time.txt)
        samples=$((samples + 1))
        if (( code == 124 )); then hangs=$((hangs + 1)); echo "hang: $f $fmt" >&2; fi
        if [[ "$rss" =~ ^[0-9]+$ ]] && (( rss > max_rss )); then max_rss=$rss; max_file="$f $fmt"; fi
        if [[ "$secs" =~ ^[0-9.]+$ ]] && awk "BEGIN {exit !($secs > $slowest)}"; then slowest=$secs; fi
    done
done
echo "command-line samples: $samples"
echo "command-line hangs (killed after ${TIMEOUT} s): $hangs"
echo "command-line slowest run: ${slowest} s"
echo "peak RSS: $((max_rss / 1024)) MB (cap ${RSS_CAP_MB} MB) — $max_file"
if (( max_rss / 1024 > RSS_CAP_MB )) || (( hangs > 0 )); then status=1; fi
exit $status
