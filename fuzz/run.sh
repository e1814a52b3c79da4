#!/bin/sh
# run.sh: run one libFuzzer target for a bounded time (make fuzz).
#
#   run.sh PROGRAM CORPUS DICT WORKDIR SECONDS
#
# The fuzzer works on a copy of the committed seed corpus (CORPUS) in
# WORKDIR/corpus, so the committed one never grows; crash, leak, timeout
# and out-of-memory inputs go to WORKDIR/artifacts. Every input of the
# committed corpus runs first, so the regression inputs kept there are
# tried on every run. Exits 1 when anything was found.
set -u
prog=$1 corpus=$2 dict=$3 work=$4 seconds=$5
name=$(basename "$prog")
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$corpus"/* "$work/corpus/"
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=1:symbolize=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
: "${LSAN_OPTIONS:=suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0}"
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
echo "fuzz: $name for $seconds s on a copy of $corpus (log: $work/log)"
"$prog" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict="$dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$work/corpus" >"$work/log" 2>&1
rc=$?
found=$(ls "$work/artifacts")
if [ "$rc" -ne 0 ] || [ -n "$found" ]; then
    echo "fuzz: $name FAILED (exit $rc); the end of its log:"
    tail -n 60 "$work/log" | sed 's/^/    /'
    for f in $found; do
        echo "fuzz: $name found $work/artifacts/$f"
        echo "      keep it as a regression input: cp '$work/artifacts/$f' '$corpus/'"
    done
    exit 1
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -n 1)
echo "fuzz: $name passed: ${runs:-?} inputs in $seconds s, $cov, corpus $(ls "$work/corpus" | wc -l) files"
