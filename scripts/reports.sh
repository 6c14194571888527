#!/usr/bin/env bash
# Regenerates every committed report in Reports/ from the bundled Rules/ and
# Personas/: the population estimates, the knelpuntenrapport (which takes the
# estimates over), the invoeringstoets of every reform in Rules/hervormingen/ and
# one with all of them side by side.
# Same input, byte-identical output; `swift test` fails when Reports/ is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
# The population is the size of the whole caseload (one synthetic person per
# benefit the rules count), as the main command uses it; DOENBAAR_POPULATIE=N
# makes a smaller one to try things (the main command then computes its own).
size=()
[ -z "${DOENBAAR_POPULATIE:-}" ] || size=(--size "$DOENBAAR_POPULATIE")
swift build -c release
bin=.build/release/doenbaar
"$bin" populatie "${size[@]}" --seed 20240101 --out Reports
"$bin" knelpunten --populatie Reports/populatie.json --out Reports
all=()
for reform in Rules/hervormingen/*/; do
  "$bin" invoeringstoets --baseline Rules --reform "${reform%/}" --out Reports
  all+=(--reform "${reform%/}")
done
# Every reform side by side, on one run of the baseline: Reports/invoeringstoets.*
"$bin" invoeringstoets --baseline Rules "${all[@]}" --out Reports
ls -l Reports
