#!/usr/bin/env bash
# Regenerates every committed report in Reports/ from the bundled Rules/ and
# Personas/: the population estimates, the knelpuntenrapport (which takes the
# estimates over) and the invoeringstoets of every reform in Rules/hervormingen/.
# Same input, byte-identical output; `swift test` fails when Reports/ is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${DOENBAAR_POPULATIE:-20000}"
swift build -c release
bin=.build/release/doenbaar
"$bin" populatie --size "$SIZE" --seed 20240101 --out Reports
"$bin" knelpunten --populatie Reports/populatie.json --out Reports
for reform in Rules/hervormingen/*/; do
  "$bin" invoeringstoets --baseline Rules --reform "${reform%/}" --out Reports
done
ls -l Reports
