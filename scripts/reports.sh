#!/usr/bin/env bash
# Regenerates every committed report in Reports/ from the bundled Rules/ and
# Personas/: the population estimates, the knelpuntenrapport (which takes the
# estimates over), the invoeringstoets of every reform in Rules/hervormingen/ and
# one with all of them side by side.
# Same input, byte-identical output; `swift test` fails when Reports/ is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${DOENBAAR_POPULATIE:-20000}"
swift build -c release
bin=.build/release/doenbaar
"$bin" populatie --size "$SIZE" --seed 20240101 --out Reports
"$bin" knelpunten --populatie Reports/populatie.json --out Reports
all=()
for reform in Rules/hervormingen/*/; do
  "$bin" invoeringstoets --baseline Rules --reform "${reform%/}" --out Reports
  all+=(--reform "${reform%/}")
done
# Every reform side by side, on one run of the baseline: Reports/invoeringstoets.*
"$bin" invoeringstoets --baseline Rules "${all[@]}" --out Reports
ls -l Reports
