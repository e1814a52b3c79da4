#!/bin/sh
# tap.sh: run a Criterion test program with TAP output for automake's driver.
# With KIJUN_VALGRIND set (make check-valgrind) it runs under valgrind, one
# test at a time (--jobs 1); Criterion ignores how its workers exit, so the
# valgrind log of every process (the runner and each worker) is read
# afterwards, and any error or leak fails the program with "Bail out!".
. "$(dirname "$0")/../valgrind.sh"
if [ "$VG" = 0 ]; then
    # Under ASan (a build with --enable-sanitizers) every process writes its
    # report to a file of $A: Criterion ignores how its workers exit, so the
    # reports are read afterwards. A leak of Criterion's own runner (every
    # frame in libcriterion: 48 bytes when workers run in parallel) is not
    # the program's, nor the abort it brings; any other leak, and any error,
    # fails the program with "Bail out!".
    A=$(mktemp -d "${TMPDIR:-/tmp}/kijun-asan-XXXXXX")
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$A/report"
    export ASAN_OPTIONS
    # the TAP goes to a file: Criterion closes it before the exit, where
    # its buffered standard output would be lost to the runner's abort
    "$1" --tap="$A/tap" -q
    rc=$?
    cat "$A/tap" 2>/dev/null
    bad=$(cat "$A"/report.* 2>/dev/null | awk '
        function done() { if (inleak) { if (ours) printf "%s", block; else theirs = 1 } inleak = 0 }
        /^(Direct|Indirect) leak/ { done(); block = $0 "\n"; ours = 0; inleak = 1; next }
        inleak && /^ *#[0-9]+ / {
            block = block $0 "\n"
            if ($0 !~ /^ *#0 / && $0 !~ /libcriterion\.so|libc\.so|ld-linux/) ours = 1
            next
        }
        { done() }
        /ERROR: AddressSanitizer|runtime error/ { print; err = 1 }
        err && /^ *#[0-9]+ / { print }
        END { done(); if (theirs && !err) print "CRITERION-ONLY" }')
    rm -rf "$A"
    if [ "$bad" = CRITERION-ONLY ]; then
        [ "$rc" = 134 ] && rc=0 # the runner's abort at its own leak (abort_on_error)
    elif [ -n "$bad" ]; then
        printf '%s\n' "$bad" | grep -v '^CRITERION-ONLY$' | sed 's/^/# /'
        echo "Bail out! AddressSanitizer: a leak or an error of the program (above)"
        exit 99
    fi
    exit "$rc"
fi
vg_begin
# shellcheck disable=SC2086
$VG_CMD "$1" --tap=- -q --jobs 1
rc=$?
if ! vg_check; then
    echo "Bail out! valgrind: $VG_WHY"
    exit 99
fi
echo "# valgrind: $VG_WHY"
exit "$rc"
