#!/bin/sh
# tap.sh: run a Criterion test program with TAP output for automake's driver.
# With KIJUN_VALGRIND set (make check-valgrind) it runs under valgrind, one
# test at a time (--jobs 1); Criterion ignores how its workers exit, so the
# valgrind log of every process (the runner and each worker) is read
# afterwards, and any error or leak fails the program with "Bail out!".
. "$(dirname "$0")/../valgrind.sh"
if [ "$VG" = 0 ]; then
    # under ASan: Criterion's own leaks are not the program's (lsan.supp)
    LSAN_OPTIONS="suppressions=$(dirname "$0")/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    export LSAN_OPTIONS
    exec "$1" --tap=- -q
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
