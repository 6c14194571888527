#!/usr/bin/env bash
# Instructions the whole analysis executes over a small synthetic population,
# counted by valgrind's callgrind: the same figure on every run of the same
# build, where this KVM guest's seconds move by a third from hour to hour
# (docs/benchmark.md). Compare builds by this figure; confirm in seconds with
# `bench --populatie` run alternately.
#
#   scripts/instructions.sh              500 people, the release build here
#   PERSONS=2000 scripts/instructions.sh another size
#   DOENBAAR=path scripts/instructions.sh another binary (a build of another commit)
#
# Prints one line: doenbaar-instructies persons=N instructions=I per_person=P
# Needs valgrind (Debian: apt install valgrind). Its output goes to a
# temporary directory, removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PERSONS="${PERSONS:-500}"
command -v valgrind > /dev/null || { echo "instructions.sh: valgrind ontbreekt (apt install valgrind)" >&2; exit 2; }
if [ -z "${DOENBAAR:-}" ]; then
  swift build -c release >&2
  DOENBAAR=.build/release/doenbaar
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$DOENBAAR" bench --populatie "$PERSONS" > /dev/null 2> "$work/valgrind.txt"
count="$(grep -o 'Collected : [0-9]*' "$work/valgrind.txt" | grep -o '[0-9]*$')"
[ -n "$count" ] || { echo "instructions.sh: geen telling van valgrind" >&2; cat "$work/valgrind.txt" >&2; exit 1; }
echo "doenbaar-instructies persons=$PERSONS instructions=$count per_person=$((count / PERSONS))"
