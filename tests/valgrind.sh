# valgrind.sh: the test suite under valgrind memcheck, when KIJUN_VALGRIND
# is set (make check-valgrind sets it). Sourced by tests/unit/tap.sh
# (around each Criterion program: the runner and, with --trace-children,
# every worker it starts; not the system's programs a test runs, such as
# cp or sh) and by the UI tests (tests/ui/lib.sh, cli.sh),
# whose kijun then runs through a wrapper. POSIX sh.
#
#   vg_begin             make the log folder; VG_CMD is the valgrind command
#   vg_wrap_kijun        KIJUN becomes a script that runs kijun under VG_CMD
#   vg_check [SECONDS]   wait (at most SECONDS, default 120) for every
#                        process to finish its log; 0 when all are clean,
#                        else print the logs with errors as TAP comments
#                        ("# ") and return 1 (VG_WHY says what was wrong)
#
# Errors: invalid reads and writes, uses of uninitialised values, bad
# frees, and memory definitely or indirectly lost (leaks). "Still
# reachable" and "possibly lost" blocks are not errors (ncurses keeps its
# screens and terminfo until exit). tests/valgrind.supp suppresses known
# third-party noise only. KIJUN_VALGRIND_OPTS adds valgrind options
# (e.g. --track-origins=yes to find where an uninitialised value came
# from); KIJUN_VALGRIND_BIN names valgrind.

VG=0
case ${KIJUN_VALGRIND:-} in '' | 0 | no) ;; *) VG=1 ;; esac
VG_DIR=
VG_WHY=

vg_begin() {
    VG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kijun-valgrind-XXXXXX") || exit 99
    VG_CMD="${KIJUN_VALGRIND_BIN:-valgrind} --error-exitcode=99 --leak-check=full
        --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect
        --num-callers=40 --trace-children=yes --child-silent-after-fork=no
        --trace-children-skip=/bin/*,/usr/bin/*,/sbin/*,/usr/sbin/*,/usr/local/bin/*
        --suppressions=${KIJUN_TESTS:-$(dirname "$0")/..}/valgrind.supp
        --log-file=$VG_DIR/%p.log ${KIJUN_VALGRIND_OPTS:-}"
    VG_CMD=$(echo $VG_CMD)
}

vg_wrap_kijun() {
    VG_REAL_KIJUN=$KIJUN
    printf '#!/bin/sh\nexec %s %s "$@"\n' "$VG_CMD" "'$KIJUN'" >"$VG_DIR/kijun"
    chmod +x "$VG_DIR/kijun"
    KIJUN=$VG_DIR/kijun
    export KIJUN VG_REAL_KIJUN
}

vg_check() {
    vg_limit=${1:-120}
    vg_i=0
    VG_WHY=
    # a log is finished when it has its ERROR SUMMARY; a process killed
    # with SIGKILL never writes one (it is gone, so it is not waited for)
    while :; do
        vg_pending=
        for vg_f in "$VG_DIR"/*.log; do
            [ -f "$vg_f" ] || continue
            grep -q "ERROR SUMMARY" "$vg_f" && continue
            vg_pid=$(basename "$vg_f" .log)
            kill -0 "$vg_pid" 2>/dev/null && vg_pending="$vg_pending $vg_pid"
        done
        [ -z "$vg_pending" ] && break
        if [ "$vg_i" -ge $((vg_limit * 10)) ]; then
            VG_WHY="still running after ${vg_limit}s:$vg_pending"
            echo "# valgrind: $VG_WHY (logs in $VG_DIR)"
            return 1
        fi
        sleep 0.1
        vg_i=$((vg_i + 1))
    done
    vg_bad=0 vg_n=0
    for vg_f in "$VG_DIR"/*.log; do
        [ -f "$vg_f" ] || continue
        vg_n=$((vg_n + 1))
        if grep -q "ERROR SUMMARY: [1-9]" "$vg_f"; then
            vg_bad=$((vg_bad + 1))
            echo "# valgrind log $vg_f:"
            sed 's/^/#   /' "$vg_f"
        fi
    done
    if [ "$vg_bad" -gt 0 ]; then
        VG_WHY="errors in $vg_bad of $vg_n processes (logs in $VG_DIR)"
        return 1
    fi
    VG_WHY="$vg_n processes clean"
    rm -rf "$VG_DIR"
    return 0
}
