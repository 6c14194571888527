#!/usr/bin/env bash
# Coverage-guided fuzzing with the toolchain's libFuzzer (issue #14).
#
#   scripts/fuzz.sh [--runs N] [--seconds S] [--asan] [TARGET...]
#
# Targets (Tests/DoenbaarCoreTests/Fuzzing/FuzzTargets.swift):
#   regels   lexer, parser and checker on a rule file; clean ones run a year,
#            and ones with invoer run over columns with and without RangeProof
#   persona  the .persona reader against the bundled rules
#   json     the JSON persona reader against the bundled rules
#   rekenen  the evaluator: personas that read clean, run through the rules
# Default: every target, 1.000.000 inputs each (--runs), no time limit
# (--seconds). Each input must finish within 2 seconds. --asan adds
# AddressSanitizer (about three times slower; Swift traps on most memory
# errors without it).
#
# The build goes to .build/fuzz/, each target's growing corpus to
# .build/fuzz/corpus/TARGET (seeded from Rules/, Personas/, Benchmarks/ and
# Tests/…/Fixtures). An input that crashes, times out or runs out of memory is
# copied to Tests/DoenbaarCoreTests/Fixtures/fuzz/TARGET/, where
# FuzzRegressionTests runs it in every `swift test`; the script then exits 1.
# Prints per target: fuzz TARGET runs=N seconds=S crashes=C
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1000000 seconds=0 sanitizers=fuzzer targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --asan) sanitizers=fuzzer,address; shift ;;
        regels|persona|json|rekenen) targets+=("$1"); shift ;;
        *) echo "fuzz: onbekend argument '$1' (zie de kop van $0)" >&2; exit 2 ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(regels persona json rekenen)

work=.build/fuzz
binary="$work/doenbaar-fuzz-${sanitizers/,/-}"
sources=(Tests/DoenbaarCoreTests/Fuzzing/FuzzTargets.swift Fuzz/FuzzEntry.swift)
while IFS= read -r f; do sources+=("$f"); done < <(find Sources/DoenbaarCore -name '*.swift' | LC_ALL=C sort)
mkdir -p "$work"
if [ ! -x "$binary" ] || [ -n "$(find "${sources[@]}" -newer "$binary" | head -1)" ]; then
    echo "fuzz: bouwen ($sanitizers)"
    swiftc -swift-version 6 -O -parse-as-library -sanitize="$sanitizers" -D FUZZING \
        -module-name DoenbaarFuzz "${sources[@]}" -o "$binary"
fi

seed() { # target, then find arguments
    local corpus="$work/corpus/$1"; shift
    mkdir -p "$corpus"
    find "$@" -type f -print0 2>/dev/null | while IFS= read -r -d '' f; do
        cp "$f" "$corpus/seed-$(printf '%s' "$f" | sha1sum | cut -c1-12)"
    done
}

failed=0
for target in "${targets[@]}"; do
    case "$target" in
        regels) seed regels Rules Benchmarks Tests/DoenbaarCoreTests/Fixtures -name '*.regels' ;;
        persona|rekenen) seed "$target" Personas Tests/DoenbaarCoreTests/Fixtures -name '*.persona' ;;
        json) seed json Tests/DoenbaarCoreTests/Fixtures -name '*.json' ;;
    esac
    artifacts="$work/artifacts/$target"
    rm -rf "$artifacts"; mkdir -p "$artifacts"
    log="$work/$target.log"
    started=$(date +%s)
    set +e
    DOENBAAR_FUZZ_TARGET="$target" ASAN_OPTIONS=detect_leaks=0 \
        "$binary" -runs="$runs" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" "$work/corpus/$target" >"$log" 2>&1
    status=$?
    set -e
    done_runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
    [ -n "$done_runs" ] || done_runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -1)
    found=$(find "$artifacts" -type f | wc -l)
    if [ "$found" -gt 0 ]; then
        mkdir -p "Tests/DoenbaarCoreTests/Fixtures/fuzz/$target"
        cp "$artifacts"/* "Tests/DoenbaarCoreTests/Fixtures/fuzz/$target/"
        echo "fuzz: $target: $found invoer(en) bewaard in Tests/DoenbaarCoreTests/Fixtures/fuzz/$target/; zie $log" >&2
        failed=1
    elif [ "$status" -ne 0 ]; then
        tail -20 "$log" >&2
        echo "fuzz: $target stopte met status $status; zie $log" >&2
        failed=1
    fi
    echo "fuzz $target runs=${done_runs:-?} seconds=$(( $(date +%s) - started )) crashes=$found"
done
exit "$failed"
