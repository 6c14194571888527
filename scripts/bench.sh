#!/usr/bin/env bash
# Doenbaar against OpenFisca on the WW/Wajong benchmark of shared/bench/openfisca,
# in exact integer cents, on the same machine in the same run (docs/benchmark.md).
#
#   scripts/bench.sh                  N = 10k, 100k and 1M, best of 25 (below 1M) or 5
#                                     after a warm-up, the same for both engines
#   REPEAT=5 scripts/bench.sh         best of that many at every N
#   SIZES="100000" scripts/bench.sh   other sizes
#   RSS=1 scripts/bench.sh            also peak RSS of one run of each (/usr/bin/time -v)
#   COPIES="1 2 4 8" scripts/bench.sh cost against the number of rules (at the largest N)
#   NATIVE=0 scripts/bench.sh         the portable build (by default Doenbaar is built for
#                                     this processor, as NumPy picks its kernels for it)
#   DOENBAAR=path scripts/bench.sh    use that binary instead of building one
#   POPULATION=20000 scripts/bench.sh the full analysis (every detector) on the bundled
#                                     Rules/ and Personas/ over that many synthetic
#                                     people, with peak RSS (default 20000; 0 skips it)
#
# Everything it makes (the harness copy, the venv, the dumps: 449 MB at 1M)
# goes to .bench/, which git ignores. shared/ is only read. Rerunnable: the
# venv and dumps are made once and reused.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SOURCE="${HARNESS:-$ROOT/../shared/bench/openfisca}"
WORK="$ROOT/.bench"
SIZES="${SIZES:-10000 100000 1000000}"
# At 10.000 persons Doenbaar takes one to three milliseconds, where a scheduler's hiccup
# moves the ratio by half: small N get more tries. Both engines get the same number.
REPEAT="${REPEAT:-}"
cd "$ROOT"

[ -f "$SOURCE/bench.py" ] || { echo "bench.sh: geen harnas in $SOURCE (zet HARNESS=pad)" >&2; exit 2; }

# 1. A writable copy of the harness (Python writes __pycache__ beside it).
mkdir -p "$WORK"
rm -rf "$WORK/harness"
mkdir -p "$WORK/harness"
cp -R "$SOURCE/bench.py" "$SOURCE/population.py" "$SOURCE/reference.py" "$SOURCE/ww_wajong" "$SOURCE/requirements.lock.txt" "$WORK/harness/"
chmod -R u+w "$WORK/harness"
PY="$WORK/venv/bin/python"

# 2. The venv with the measured environment (made once; again when the lock file changes).
if [ ! -x "$PY" ] || ! cmp -s "$WORK/harness/requirements.lock.txt" "$WORK/venv/requirements.lock.txt"; then
  rm -rf "$WORK/venv"
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q -r "$WORK/harness/requirements.lock.txt" \
    || "$WORK/venv/bin/pip" install -q openfisca-core numpy
  cp "$WORK/harness/requirements.lock.txt" "$WORK/venv/requirements.lock.txt"
fi

# 3. The populations, dumped in cents (made once per N).
for n in $SIZES; do
  dump="$WORK/dumps/c$n"
  if [ ! -f "$dump/manifest.json" ] || ! grep -q '"checksum_cents"' "$dump/manifest.json"; then
    rm -rf "$dump"
    "$PY" "$WORK/harness/bench.py" "$n" --money cents --dump "$dump" > /dev/null
  fi
done

# 4. Doenbaar, optimised, and for the instructions of this machine's processor
#    (-target-cpu native), in a build directory of its own: NumPy under OpenFisca
#    picks its kernels for this processor when it starts (numpy.show_runtime()
#    lists AVX-512 here), and a binary for every x86-64 would use none of them.
#    NATIVE=0 measures the portable build the README's commands make.
# (DOENBAAR=path uses a binary built elsewhere.)
if [ -z "${DOENBAAR:-}" ]; then
  build=(-c release)
  [ "${NATIVE:-1}" = 1 ] && build+=(--scratch-path .build/native -Xswiftc -target-cpu -Xswiftc native)
  swift build "${build[@]}" --product doenbaar 2>&1 | tail -1
  DOENBAAR="$(swift build "${build[@]}" --show-bin-path)/doenbaar"
fi

rate() { sed -n 's/.*person_months_per_s=\([0-9]*\).*/\1/p' <<< "$1"; }
cents() { sed -n 's/.*checksum_cents=\([0-9]*\).*/\1/p' <<< "$1"; }
peak() { awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$1"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "doenbaar: $DOENBAAR"
status=0
# 5. Per N: a warm-up of each, then best of $repeat of each, in turn.
for n in $SIZES; do
  dump="$WORK/dumps/c$n"
  repeat="${REPEAT:-$([ "$n" -lt 1000000 ] && echo 25 || echo 5)}"
  "$PY" "$WORK/harness/bench.py" "$n" --money cents > /dev/null
  "$DOENBAAR" bench --dump "$dump" > /dev/null
  of=$("$PY" "$WORK/harness/bench.py" "$n" --money cents --repeat "$repeat")
  of=$(head -1 <<< "$of")
  db=$("$DOENBAAR" bench --dump "$dump" --repeat "$repeat") || status=1
  echo "$of"
  echo "$db"
  if [ "$(cents "$of")" != "$(cents "$db")" ]; then
    echo "N=$n: checksums verschillen" >&2
    status=1
  fi
  awk -v n="$n" -v a="$(rate "$db")" -v b="$(rate "$of")" 'BEGIN { printf "N=%d ratio doenbaar/openfisca = %.1f\n", n, a / b }'
  if [ "${RSS:-0}" = 1 ]; then
    /usr/bin/time -v "$PY" "$WORK/harness/bench.py" "$n" --money cents > /dev/null 2> "$WORK/time_openfisca_$n.txt"
    /usr/bin/time -v "$DOENBAAR" bench --dump "$dump" > /dev/null 2> "$WORK/time_doenbaar_$n.txt"
    inputs=$(du -cm "$dump"/ww_dagloon_cents.bin "$dump"/heeft_wajong.bin "$dump"/ww_maanden_sinds_start.bin \
      "$dump"/days_abroad_non_vacation.bin "$dump"/vacation_days_taken.bin "$dump"/income_from_work_cents.bin | tail -1 | cut -f1)
    echo "N=$n peak_rss_mib openfisca=$(peak "$WORK/time_openfisca_$n.txt") doenbaar=$(peak "$WORK/time_doenbaar_$n.txt") doenbaar_inputs_mib=$inputs"
  fi
done

# 6. The real rules: the whole analysis over a synthetic population, with peak memory.
if [ "${POPULATION:-20000}" != 0 ]; then
  /usr/bin/time -v "$DOENBAAR" bench --populatie "${POPULATION:-20000}" 2> "$WORK/time_populatie.txt" || status=1
  echo "populatie peak_rss_mib=$(peak "$WORK/time_populatie.txt")"
fi

# 7. Optionally: the rules copied k times (each copy with its own parameter values,
#    so nothing is shared), all feeding one output.
if [ -n "${COPIES:-}" ]; then
  n=$(tr ' ' '\n' <<< "$SIZES" | tail -1)
  for k in $COPIES; do
    python3 "$ROOT/scripts/bench_rule_copies.py" "$k" < "$ROOT/Benchmarks/ww_wajong.regels" > "$WORK/copies_$k.regels"
    line=$("$DOENBAAR" bench --dump "$WORK/dumps/c$n" --rules "$WORK/copies_$k.regels" --output totaal_alle --repeat "${REPEAT:-5}" 2>/dev/null)
    echo "copies=$k $line"
  done
fi
exit $status
