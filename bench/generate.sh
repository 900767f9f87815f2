#!/usr/bin/env bash
# Writes a synthetic SMTP benchmark capture: bench/generate.sh --seed 1 --size 100M --out FILE
# (compiles the generator, JDK only, into bench/work/classes the first time or when its sources change).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/src/main/java/io/jdissect/bench/capture"
classes="$here/work/generator-classes"
stamp="$classes/.built"
if [[ ! -f "$stamp" ]] || [[ -n "$(find "$src" -newer "$stamp" -print -quit)" ]]; then
  rm -rf "$classes" && mkdir -p "$classes"
  javac -d "$classes" "$src"/*.java
  touch "$stamp"
fi
exec java -cp "$classes" io.jdissect.bench.capture.GenerateCapture "$@"
